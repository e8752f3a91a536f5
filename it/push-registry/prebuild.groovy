def registry = io.statefulset.registry.RegistryServer.start(basedir.toPath().resolve('target/registry'), null, null)
context.put('registry', registry)
new File(basedir, 'test.properties').text = "statefulset.pushUrl=${registry.chartsUrl()}\n"
true

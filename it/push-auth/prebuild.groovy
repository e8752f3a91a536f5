if (!context.containsKey('registry')) {
    def registry = io.statefulset.registry.RegistryServer.start(basedir.toPath().resolve('target/registry'), 'ci', 's3cret-pa55')
    context.put('registry', registry)
    new File(basedir, 'test.properties').text = "statefulset.pushUrl=${registry.chartsUrl()}\n"
}
true

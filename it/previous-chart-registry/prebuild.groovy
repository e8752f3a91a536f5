if (!context.containsKey('registry')) {
    def registry = io.statefulset.registry.RegistryServer.start(basedir.toPath().resolve('target/registry'), 'ci', 's3cret-pa55')
    context.put('registry', registry)
    io.statefulset.it.ItVerifiers.pushLedgerReleases(basedir.toPath().resolve('target/releases'), registry, 'ci', 's3cret-pa55')
    new File(basedir, 'test.properties').text = "registry=${registry.chartsUrl()}\nstatefulset.plainHttp=true\n"
}
true

// The sample app (sample-app/, staged without its target/) built with the plugin under test.
io.statefulset.it.ItVerifiers.sampleApp(basedir.toPath())

io.statefulset.it.ItVerifiers.reactor(basedir.toPath())

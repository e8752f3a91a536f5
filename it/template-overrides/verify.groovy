io.statefulset.it.ItVerifiers.templateOverrides(basedir.toPath())

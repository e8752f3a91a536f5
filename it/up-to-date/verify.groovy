io.statefulset.it.ItVerifiers.upToDate(basedir.toPath())

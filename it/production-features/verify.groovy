io.statefulset.it.ItVerifiers.productionFeatures(basedir.toPath())

io.statefulset.it.ItVerifiers.upgradeRefused(basedir.toPath())

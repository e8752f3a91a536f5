io.statefulset.it.ItVerifiers.upgradeAllowed(basedir.toPath())

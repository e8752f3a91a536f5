io.statefulset.it.ItVerifiers.packageReproducible(basedir.toPath(), localRepositoryPath.toPath())

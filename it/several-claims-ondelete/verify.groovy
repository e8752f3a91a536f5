io.statefulset.it.ItVerifiers.severalClaimsOnDelete(basedir.toPath())

io.statefulset.it.ItVerifiers.labChart(basedir.toPath())

io.statefulset.it.ItVerifiers.previousChartKept(basedir.toPath())

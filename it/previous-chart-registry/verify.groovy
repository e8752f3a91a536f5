try {
    io.statefulset.it.ItVerifiers.previousChartFromRegistry(basedir.toPath(), context.get('registry'))
} finally {
    context.get('registry').close()
}

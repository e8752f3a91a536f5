try {
    io.statefulset.it.ItVerifiers.pushed(basedir.toPath(), context.get('registry'), null, null)
} finally {
    context.get('registry').close()
}

io.statefulset.it.ItVerifiers.natives(basedir.toPath(), 'natives.txt', 'linux-arm64')

for (platform in ['darwin-arm64', 'darwin-amd64', 'windows-amd64']) {
    io.statefulset.it.ItVerifiers.natives(basedir.toPath(), "${platform}.txt".toString(), platform)
}

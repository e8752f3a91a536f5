// generate fails at once, naming this platform, the supported ones and what to do; nothing is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
io.statefulset.it.ItVerifiers.assertLogHas(log, 'Helm',
    'Helm cannot run on this platform (os.name=Linux, os.arch=riscv64)',
    'ships native libraries for linux-amd64, linux-arm64, darwin-amd64, darwin-arm64, windows-amd64 only',
    'Build on one of those; Windows on ARM and musl-based Linux (Alpine) are not supported',
    'statefulset-maven-plugin:0.1.0-SNAPSHOT:generate',
    'BUILD FAILURE')
io.statefulset.it.ItVerifiers.assertNoPluginWarnings(log)
assert !new File(basedir, 'target/helm').exists(): 'generate wrote a chart although Helm cannot run'

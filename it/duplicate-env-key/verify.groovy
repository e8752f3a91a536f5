// A key given twice within one <env> fails the build, naming both values; an execution overriding
// the plugin-level value of another key is not a duplicate. No chart is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
[
    'Invalid statefulset-maven-plugin configuration. 1 configuration error(s):',
    "<env><DATA_DIR>: is given twice ('/app/data' and '/var/data'); keep one",
    'BUILD FAILURE',
].each { expected ->
    assert log.contains(expected): "build.log lacks: ${expected}"
}
assert !log.contains('<env><MODE>')
assert !new File(basedir, 'target/helm').exists()

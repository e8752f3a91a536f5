// <replicaz> fails the build with the closest parameter; <failOn>, a parameter of another goal, does
// not. No chart is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
[
    'Invalid statefulset-maven-plugin configuration. 1 configuration error(s):',
    '<replicaz>: no such parameter; did you mean <replicas>?',
    'BUILD FAILURE',
].each { expected ->
    assert log.contains(expected): "build.log lacks: ${expected}"
}
assert !log.contains('<failOn>')
assert !new File(basedir, 'target/helm').exists()

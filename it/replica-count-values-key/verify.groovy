// <replicaCount> beside <replicas> fails the build and points at the parameter. No chart is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
[
    'Invalid statefulset-maven-plugin configuration. 1 configuration error(s):',
    '<replicaCount>: no such parameter; did you mean <replicas>? replicaCount is the values key of the generated chart',
    'BUILD FAILURE',
].each { expected ->
    assert log.contains(expected): "build.log lacks: ${expected}"
}
assert !new File(basedir, 'target/helm').exists()

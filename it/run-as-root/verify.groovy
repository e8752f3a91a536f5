// UID 0 fails the build with the element, the value and the fix; no chart is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
[
    'Invalid statefulset-maven-plugin configuration',
    "<securityContext><runAsUser> = '0': is root, but the pods run with runAsNonRoot: true, so the kubelet never starts them; use a non-zero UID such as 10001",
    'BUILD FAILURE',
].each { expected ->
    assert log.contains(expected): "build.log lacks: ${expected}"
}
assert !new File(basedir, 'target/helm').exists()

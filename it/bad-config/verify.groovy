// The build must fail with every mistake named by its POM element, and write no chart.
def log = new File(basedir, 'build.log').getText('UTF-8')
[
    'Invalid statefulset-maven-plugin configuration',
    "<updateStrategy><maxUnavailable> = '1': only applies to RollingUpdate",
    "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath> = 'app/data': is relative; give an absolute path such as /app/data",
    "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size> = '1 Gi': is not a Kubernetes quantity",
    "<hooks><hook name=\"warmup\"><events><event> = 'pre-instal': must be one of pre-install",
    "<hooks><hook name=\"warmup\"><image>: is required",
    'BUILD FAILURE',
].each { expected ->
    assert log.contains(expected): "build.log lacks: ${expected}"
}
assert !new File(basedir, 'target/helm/bad-config').exists()

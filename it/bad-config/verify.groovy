// The build must fail with every mistake named by its POM element, and write no chart.
def log = new File(basedir, 'build.log').getText('UTF-8')
io.statefulset.it.ItVerifiers.assertLogHas(log, '<',
    'Invalid statefulset-maven-plugin configuration',
    "<updateStrategy><maxUnavailable> = '1': only applies to RollingUpdate",
    "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><mountPath> = 'app/data': is relative; give an absolute path such as /app/data",
    "<volumeClaimTemplates><volumeClaimTemplate name=\"data\"><size> = '1 Gi': is not a Kubernetes quantity",
    "<hooks><hook name=\"warmup\"><events><event> = 'pre-instal': must be one of pre-install",
    "<hooks><hook name=\"warmup\"><image>: is required",
    'BUILD FAILURE')
io.statefulset.it.ItVerifiers.assertNoPluginWarnings(log)
assert !new File(basedir, 'target/helm/bad-config').exists(): 'a chart was written despite the configuration errors'

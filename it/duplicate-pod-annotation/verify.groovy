// A pod annotation given twice in the execution's <podAnnotations> fails the build, naming both
// values. No chart is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
[
    'Invalid statefulset-maven-plugin configuration. 1 configuration error(s):',
    "<podAnnotations><property name=\"vault.hashicorp.com/role\">: is given twice ('reader' and 'writer'); keep one",
    'BUILD FAILURE',
].each { expected ->
    assert log.contains(expected): "build.log lacks: ${expected}"
}
assert !new File(basedir, 'target/helm').exists()

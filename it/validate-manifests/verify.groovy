// The clean hand-written release passes even at failOn=info; its release name "shop" was inferred.
def log = new File(basedir, 'build.log').getText('UTF-8')
io.statefulset.it.ItVerifiers.assertLogHas(log, 'statefulset:validate',
    '0 errors, 0 warnings, 0 infos in 7 objects (1 variant: rendered)',
    'BUILD SUCCESS')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/statefulset/validation.json'))
assert json == []: "validation.json lists findings: ${json}"

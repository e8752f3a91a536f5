// Every goal honours the global and its own skip property and says why; nothing is written or pushed.
def log = new File(basedir, 'build.log').getText('UTF-8')
['generate', 'validate', 'package', 'push'].each { goal ->
    io.statefulset.it.ItVerifiers.assertLogHas(log, 'Skipping',
        "Skipping statefulset:${goal}: statefulset.skip is true".toString(),
        "Skipping statefulset:${goal}: statefulset.${goal}.skip is true".toString())
}
assert !new File(basedir, 'target/helm').exists(): 'a skipped build wrote target/helm'

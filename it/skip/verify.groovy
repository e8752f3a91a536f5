// Every goal honours the global and its own skip property and says why; nothing is written or pushed.
def log = new File(basedir, 'build.log').getText('UTF-8')
['generate', 'validate', 'package', 'push'].each { goal ->
    assert log.contains("Skipping statefulset:${goal}: statefulset.skip is true")
    assert log.contains("Skipping statefulset:${goal}: statefulset.${goal}.skip is true")
}
assert !new File(basedir, 'target/helm').exists()

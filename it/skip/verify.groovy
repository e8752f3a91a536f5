// Both skip properties are honoured and say why; no chart is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Skipping statefulset:generate: statefulset.skip is true')
assert log.contains('Skipping statefulset:generate: statefulset.generate.skip is true')
assert !new File(basedir, 'target/helm').exists()

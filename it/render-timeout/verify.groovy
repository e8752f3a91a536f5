// Both builds stop at the 3 s render deadline with a message that names the chart and the setting.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Helm did not lint the chart ledger within 3 s (<renderTimeout> (-Dstatefulset.renderTimeout))'):
        io.statefulset.it.ItVerifiers.excerpt(log, 'renderTimeout')
assert log.contains('statefulset:validate stopped: Helm did not lint the chart loops within 3 s'):
        io.statefulset.it.ItVerifiers.excerpt(log, 'stopped')
assert !new File(basedir, 'target/helm/ledger').exists(): 'a chart Helm could not check was written'
assert !new File(basedir, 'target/statefulset/validation.json').exists(): 'validate wrote reports for a chart it could not render'

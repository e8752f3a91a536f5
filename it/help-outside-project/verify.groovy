// statefulset:help ran without a POM, found through the settings' pluginGroups.
def log = new File(basedir, 'build.log').getText('UTF-8')
io.statefulset.it.ItVerifiers.assertLogHas(log, 'statefulset',
    'Building Maven Stub Project (No POM)',
    'statefulset:help',
    'statefulset:generate',
    'statefulset:validate',
    'BUILD SUCCESS')
io.statefulset.it.ItVerifiers.assertLogLacks(log, 'statefulset', 'BUILD FAILURE')
io.statefulset.it.ItVerifiers.assertNoPluginWarnings(log)

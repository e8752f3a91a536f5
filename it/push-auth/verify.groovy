try {
    def log = new File(basedir, 'build.log').getText('UTF-8')
    io.statefulset.it.ItVerifiers.assertLogHas(log, 'charts/ledger',
        'refused access to charts/ledger:1.0.0 (HTTP 401); check the <server> credentials named by <pushServerId>')
    io.statefulset.it.ItVerifiers.pushed(basedir.toPath(), context.get('registry'), 'ci', 's3cret-pa55')
    assert !log.contains('not-the-password'): 'the wrong password appears in build.log'
    // The push's login to the test registry never reaches the user's Helm registry logins.
    def logins = io.statefulset.it.ItVerifiers.userHelmRegistryConfig().toFile()
    assert !logins.exists() || !logins.getText('UTF-8').contains("127.0.0.1:${context.get('registry').port()}"):
            "the test registry's login reached ${logins}"
} finally {
    context.get('registry').close()
}

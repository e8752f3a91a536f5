// The build fails naming the link, its target and the rule; nothing of /etc/passwd reaches the log or a report.
def log = new File(basedir, 'build.log').getText('UTF-8')
def chart = new File(basedir, 'chart/demo').absolutePath
[
    'statefulset:validate refused its input: files/passwd is a link to /etc/passwd, outside the chart ',
    "${chart}; charts may link only to files inside themselves",
    'BUILD FAILURE',
].each { expected ->
    assert log.contains(expected): "build.log lacks: ${expected}"
}
def passwd = new File('/etc/passwd').readLines().findAll { it.count(':') >= 6 }
assert !passwd.isEmpty()
def reports = ['validation.json', 'validation.sarif'].collect { new File(basedir, "target/statefulset/${it}") }
([log] + reports.findAll { it.exists() }.collect { it.getText('UTF-8') }).each { text ->
    passwd.each { line -> assert !text.contains(line): 'a line of /etc/passwd was shown' }
}
true

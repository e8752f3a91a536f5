import java.nio.file.Files
import java.nio.file.Paths

def link = basedir.toPath().resolve('chart/demo/files/passwd')
Files.createDirectories(link.parent)
Files.deleteIfExists(link)
Files.createSymbolicLink(link, Paths.get('/etc/passwd'))
true

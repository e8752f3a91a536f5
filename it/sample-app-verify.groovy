// Runs after the sample app (sample-app/, cloned to target/it-sample/) was built with the plugin
// under test. Invoker hands this hook the directory of the script as basedir, so the sample's
// build directory is found from there.
def sample = basedir.toPath().resolve('../target/it-sample/sample-app').normalize()
io.statefulset.it.ItVerifiers.sampleApp(sample)

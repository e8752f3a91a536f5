package io.statefulset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CI job cancelled during a push: real Maven pushes to a real registry behind a proxy that stalls
 * the upload, and gets SIGTERM while Helm waits. Afterwards the user's registry logins are byte for
 * byte what they were, no worker process or worker home (where the login went) is left, and the
 * packaged chart is intact. A build that simply ends leaves nothing behind either.
 */
class PushCancelIT {
    private static final String PASSWORD = "s3cret-pa55";

    /**
     * The pool is closed by a shutdown hook that runs after Maven has closed the plugin's class
     * loader: whatever it needs must already be loaded, or the worker homes and the build's own
     * 100 MB copy of the native library stay in the temporary directory after every build. The
     * native cache of the local repository is made unusable (writable by others) for this build,
     * so that it copies the library into the temporary directory, as it does where no cache can
     * be used.
     */
    @Test
    void aBuildThatEndsLeavesNoWorkerHomeAndNoNativeCopy(@TempDir Path dir) throws Exception {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().contains("win"), "POSIX permissions");
        Path cache = Files.createDirectories(
                Path.of(System.getProperty("it.local.repo"), ".cache/statefulset-maven-plugin/helm-natives"));
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(cache);
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            buildAndCheckTheTemporaryDirectory(dir);
        } finally {
            Files.setPosixFilePermissions(cache, mode);
        }
    }

    private void buildAndCheckTheTemporaryDirectory(Path dir) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), pom(System.getProperty("plugin.version")));
        Path settings = Files.writeString(
                dir.resolve("settings.xml"),
                settings(Path.of(System.getProperty("central.repo")).toUri().toString()));
        Path jvmTmp = Files.createDirectories(dir.resolve("jvm-tmp"));
        ProcessBuilder builder = new ProcessBuilder(
                        mvn(),
                        "-B",
                        "-s",
                        settings.toString(),
                        "-Dmaven.repo.local=" + System.getProperty("it.local.repo"),
                        "package")
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile());
        builder.environment().put("MAVEN_OPTS", "-Djava.io.tmpdir=" + jvmTmp);
        // Seen while the build runs: the copy is really made there, so its absence afterwards means something.
        WatchService watcher = jvmTmp.getFileSystem().newWatchService();
        jvmTmp.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
        Process maven = builder.start();
        try {
            assertThat(maven.waitFor(240, TimeUnit.SECONDS)).as("Maven ends").isTrue();
            List<String> created = new java.util.ArrayList<>();
            for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
                key.pollEvents().forEach(e -> created.add(e.context().toString()));
            }
            if (System.getProperty("os.name", "").toLowerCase().contains("linux")) {
                // inotify sees a directory that lives shorter than a polling watcher's interval.
                assertThat(created)
                        .as("what the build created in its temporary directory")
                        .anyMatch(name -> name.startsWith("statefulset-helm-native-"))
                        .anyMatch(name -> name.startsWith("statefulset-helm-") && !name.contains("native"));
            }
            String log = Files.readString(dir.resolve("build.log"));
            assertThat(maven.exitValue())
                    .as("build log:\n%s", tail(dir.resolve("build.log")))
                    .isZero();
            assertThat(log).contains("Generated chart ledger").doesNotContain("NoClassDefFoundError");
            try (Stream<Path> left = Files.list(jvmTmp)) {
                assertThat(left.map(p -> p.getFileName().toString())
                                .filter(name -> name.startsWith("statefulset-helm"))
                                .toList())
                        .as("worker homes and the native copy are deleted")
                        .isEmpty();
            }
        } finally {
            watcher.close();
            maven.descendants().forEach(ProcessHandle::destroyForcibly);
            maven.destroyForcibly();
        }
    }

    private static String mvn() {
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        return Path.of(System.getProperty("maven.home"), "bin", windows ? "mvn.cmd" : "mvn")
                .toString();
    }

    @Test
    void sigtermDuringAStalledPushLeavesNoCredentialsAndNoWorker(@TempDir Path dir) throws Exception {
        assumeTrue(!System.getProperty("os.name", "").toLowerCase().contains("win"), "SIGTERM is a POSIX signal");
        Path mavenHome = Path.of(System.getProperty("maven.home"));
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), pom(System.getProperty("plugin.version")));
        Path settings = Files.writeString(
                dir.resolve("settings.xml"),
                settings(Path.of(System.getProperty("central.repo")).toUri().toString()));
        Path userHelm = Files.createDirectories(dir.resolve("user-config/helm/registry"))
                .getParent();
        byte[] theirLogins = "{\"auths\":{\"registry.example.org\":{\"auth\":\"dGhlaXJzOmxvZ2lu\"}}}\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(userHelm.resolve("registry/config.json"), theirLogins);
        Path jvmTmp = Files.createDirectories(dir.resolve("jvm-tmp"));

        try (RegistryServer registry = RegistryServer.start(dir.resolve("registry"), "ci", PASSWORD);
                LoopbackProxy proxy = LoopbackProxy.stallingOn(registry.port(), "PUT /v2/", "PATCH /v2/")) {
            ProcessBuilder builder = new ProcessBuilder(
                            mavenHome.resolve("bin/mvn").toString(),
                            "-B",
                            "-s",
                            settings.toString(),
                            "-Dmaven.repo.local=" + System.getProperty("it.local.repo"),
                            "-Dstatefulset.pushUrl=oci://127.0.0.1:" + proxy.port() + "/charts",
                            "package",
                            "io.statefulset:statefulset-maven-plugin:" + System.getProperty("plugin.version") + ":push")
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("build.log").toFile());
            builder.environment().put("HELM_CONFIG_HOME", userHelm.toString());
            builder.environment().put("MAVEN_OPTS", "-Djava.io.tmpdir=" + jvmTmp);
            Process maven = builder.start();
            try {
                assertThat(proxy.awaitStall(240))
                        .as("the push reached the registry and stalled; build log:\n%s", tail(dir.resolve("build.log")))
                        .isTrue();
                List<ProcessHandle> workers = maven.descendants().toList();
                assertThat(workers).as("Helm runs in a worker process").isNotEmpty();

                maven.destroy(); // SIGTERM, as a CI runner cancelling a job sends it
                assertThat(maven.waitFor(60, TimeUnit.SECONDS))
                        .as("Maven ends on SIGTERM")
                        .isTrue();

                assertThat(Files.readAllBytes(userHelm.resolve("registry/config.json")))
                        .as("the user's registry logins")
                        .isEqualTo(theirLogins);
                try (Stream<Path> files = Files.walk(userHelm)) {
                    assertThat(files.filter(Files::isRegularFile).toList())
                            .containsExactly(userHelm.resolve("registry/config.json"));
                }
                for (ProcessHandle worker : workers) {
                    worker.onExit().get(10, TimeUnit.SECONDS);
                    assertThat(worker.isAlive()).as("worker " + worker.pid()).isFalse();
                }
                try (Stream<Path> left = Files.list(jvmTmp)) {
                    assertThat(left.map(p -> p.getFileName().toString())
                                    .filter(name -> name.startsWith("statefulset-helm"))
                                    .toList())
                            .as("worker homes and the native copy are deleted")
                            .isEmpty();
                }
                assertThat(Files.readString(dir.resolve("build.log"))).doesNotContain(PASSWORD);
                assertThat(project.resolve("target/helm/ledger/Chart.yaml")).isRegularFile();
                assertThat(project.resolve("target/helm/ledger-1.0.0.tgz")).isRegularFile();
            } finally {
                maven.descendants().forEach(ProcessHandle::destroyForcibly);
                maven.destroyForcibly();
            }
        }
    }

    private static String tail(Path log) throws Exception {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String pom(String pluginVersion) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.statefulset.it</groupId>
                  <artifactId>ledger-chart</artifactId>
                  <version>1.0.0</version>
                  <properties>
                    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
                  </properties>
                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                        <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>io.statefulset</groupId>
                        <artifactId>statefulset-maven-plugin</artifactId>
                        <version>%s</version>
                        <executions>
                          <execution>
                            <goals><goal>generate</goal><goal>package</goal></goals>
                          </execution>
                        </executions>
                        <configuration>
                          <chart><name>ledger</name></chart>
                          <image><repository>ghcr.io/acme/ledger</repository></image>
                          <ports><port><name>http</name><containerPort>8080</containerPort></port></ports>
                          <plainHttp>true</plainHttp>
                          <pushServerId>it-registry</pushServerId>
                          <pushTimeout>600</pushTimeout>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(pluginVersion);
    }

    private static String settings(String centralRepo) {
        return """
                <settings>
                  <servers>
                    <server><id>it-registry</id><username>ci</username><password>%s</password></server>
                  </servers>
                  <profiles>
                    <profile>
                      <id>local</id>
                      <activation><activeByDefault>true</activeByDefault></activation>
                      <repositories>
                        <repository><id>local.central</id><url>%s</url></repository>
                      </repositories>
                      <pluginRepositories>
                        <pluginRepository><id>local.central</id><url>%s</url></pluginRepository>
                      </pluginRepositories>
                    </profile>
                  </profiles>
                </settings>
                """.formatted(PASSWORD, centralRepo, centralRepo);
    }
}

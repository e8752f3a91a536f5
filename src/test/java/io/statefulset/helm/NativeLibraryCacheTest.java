package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marcnuri.helm.jni.NativeLibrary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unpacked native library is reused while it and the directories above it are the user's
 * alone and it is intact; it is unpacked again, or the build gets a copy of its own, when not.
 */
class NativeLibraryCacheTest {
    @TempDir
    Path dir;

    private Path repository;
    private URL resource;
    private byte[] library;

    @BeforeEach
    void nativeJar() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        repository = Files.createDirectories(dir.resolve("repository"));
        Files.setPosixFilePermissions(repository, PosixFilePermissions.fromString("rwx------"));
        library = new byte[256 * 1024];
        Arrays.fill(library, (byte) 7);
        Path jar = dir.resolve("linux-demo-1.2.3.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry("libhelm.so"));
            entries.write(library);
            entries.closeEntry();
        }
        resource = new URL("jar:" + jar.toUri() + "!/libhelm.so");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void unpacksOnceIntoPrivateDirectoriesAndReusesTheCopy() throws Exception {
        Path first = NativeLibraryCache.provide(repository, resource);

        assertThat(first).hasBinaryContent(library);
        assertThat(repository.relativize(first).toString())
                .startsWith(".cache/statefulset-maven-plugin/helm-natives/linux-demo-1.2.3-")
                .endsWith("/libhelm.so");
        assertThat(mode(first)).isEqualTo("rw-------");
        for (Path d = first.getParent(); !d.equals(repository); d = d.getParent()) {
            assertThat(mode(d)).as(d.toString()).isEqualTo("rwx------");
        }
        Object identity = Files.readAttributes(first, "basic:fileKey").get("fileKey");
        var modified = Files.getLastModifiedTime(first);

        Path second = NativeLibraryCache.provide(repository, resource);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(modified);
        assertThat(Files.readAttributes(second, "basic:fileKey").get("fileKey")).isEqualTo(identity);
        try (Stream<Path> files = Files.list(first.getParent())) {
            assertThat(files).containsExactly(first);
        }
    }

    @Test
    void aTruncatedCopyIsUnpackedAgain() throws Exception {
        Path cached = NativeLibraryCache.provide(repository, resource);
        Files.write(cached, Arrays.copyOf(library, 1000));

        assertThat(NativeLibraryCache.provide(repository, resource)).hasBinaryContent(library);
    }

    @Test
    void aCopyOthersMayWriteIsReplacedByAPrivateOne() throws Exception {
        Path cached = NativeLibraryCache.provide(repository, resource);
        Files.setPosixFilePermissions(cached, PosixFilePermissions.fromString("rw-rw-rw-"));

        Path again = NativeLibraryCache.provide(repository, resource);

        assertThat(mode(again)).isEqualTo("rw-------");
        assertThat(again).hasBinaryContent(library);
    }

    @Test
    void aLinkPlantedInPlaceOfTheCopyIsReplacedByTheLibrary() throws Exception {
        Path cached = NativeLibraryCache.provide(repository, resource);
        Path planted = Files.write(dir.resolve("planted.so"), new byte[library.length]);
        Files.delete(cached);
        Files.createSymbolicLink(cached, planted);

        Path again = NativeLibraryCache.provide(repository, resource);

        assertThat(Files.isRegularFile(again, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(again).hasBinaryContent(library);
        assertThat(planted).hasBinaryContent(new byte[library.length]);
    }

    @Test
    void aDirectoryOthersMayWriteIsNotUsed() throws Exception {
        Path cached = NativeLibraryCache.provide(repository, resource);
        Files.setPosixFilePermissions(cached.getParent().getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> NativeLibraryCache.provide(repository, resource))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("helm-natives is not")
                .hasMessageContaining("rwxrwxrwx");
    }

    @Test
    void aRepositoryOthersMayWriteIsNotUsed() throws Exception {
        Files.setPosixFilePermissions(repository, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatThrownBy(() -> NativeLibraryCache.provide(repository, resource))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("rwxrwxr-x");
        assertThat(repository.resolve(".cache")).doesNotExist();
    }

    @Test
    void aDirectoryOfAnotherUserIsNotUsed() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a directory away");
        Path cached = NativeLibraryCache.provide(repository, resource);
        UserPrincipal nobody =
                dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(cached.getParent(), nobody);

        assertThatThrownBy(() -> NativeLibraryCache.provide(repository, resource))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nobody");
    }

    /** With the real helm-java native: a cache that cannot be used gives the build a copy of its own. */
    @Test
    void anUnusableCacheGivesTheBuildAPrivateCopy() throws Exception {
        NativeLibrary helm = HelmNatives.find(getClass().getClassLoader());
        Files.setPosixFilePermissions(repository, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path temporary = Files.createDirectories(dir.resolve("tmp"));

        NativeLibraryCache.Unpacked unpacked = NativeLibraryCache.unpack(helm, repository, temporary);

        assertThat(unpacked.shared()).isFalse();
        assertThat(unpacked.library()).startsWith(temporary).isRegularFile();
        assertThat(mode(unpacked.library().getParent())).isEqualTo("rwx------");
        assertThat(Files.size(unpacked.library())).isGreaterThan(1024 * 1024);

        Files.setPosixFilePermissions(repository, PosixFilePermissions.fromString("rwx------"));
        NativeLibraryCache.Unpacked shared = NativeLibraryCache.unpack(helm, repository, temporary);
        assertThat(shared.shared()).isTrue();
        assertThat(shared.library()).startsWith(repository).hasSameBinaryContentAs(unpacked.library());
    }

    @Test
    void aCopyStopsAsSoonAsItPassesItsLimit() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        NativeLibraryCache.copyAtMost(new java.io.ByteArrayInputStream(new byte[10]), out, 10, "lib.so");
        assertThat(out.size()).isEqualTo(10);

        var endless = new java.io.InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served += len;
                return len;
            }
        };
        assertThatThrownBy(() ->
                        NativeLibraryCache.copyAtMost(endless, OutputStream.nullOutputStream(), 1_000_000, "lib.so"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("lib.so inflates to more than 1000000 bytes");
        assertThat(endless.served).isLessThan(1_000_000 + 64 * 1024 + 1);
    }
}

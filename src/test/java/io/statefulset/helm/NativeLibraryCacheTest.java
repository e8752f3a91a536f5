package io.statefulset.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unpacked native library is reused while it is the user's and intact, and unpacked again when not. */
class NativeLibraryCacheTest {
    @TempDir
    Path dir;

    private URL resource;
    private byte[] library;

    @BeforeEach
    void nativeJar() throws IOException {
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

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void unpacksOnceAndReusesTheCopyInLaterBuilds() throws Exception {
        Path cache = dir.resolve("cache");
        Path first = NativeLibraryCache.provide(cache, resource);
        assertThat(first).hasBinaryContent(library);
        assertThat(first.getParent().getFileName().toString()).startsWith("linux-demo-1.2.3-");
        if (posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.getParent())))
                    .isEqualTo("rwx------");
        }
        Object identity = Files.readAttributes(first, "basic:fileKey").get("fileKey");
        var modified = Files.getLastModifiedTime(first);

        Path second = NativeLibraryCache.provide(cache, resource);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second)).isEqualTo(modified);
        if (identity != null) {
            assertThat(Files.readAttributes(second, "basic:fileKey").get("fileKey"))
                    .isEqualTo(identity);
        }
        try (var files = Files.list(first.getParent())) {
            assertThat(files).containsExactly(first);
        }
    }

    @Test
    void aTruncatedCopyIsUnpackedAgain() throws Exception {
        Path cached = NativeLibraryCache.provide(dir.resolve("cache"), resource);
        Files.write(cached, Arrays.copyOf(library, 1000));

        assertThat(NativeLibraryCache.provide(dir.resolve("cache"), resource)).hasBinaryContent(library);
    }

    @Test
    void aLinkPlantedInPlaceOfTheCopyIsReplacedByTheLibrary() throws Exception {
        Path cached = NativeLibraryCache.provide(dir.resolve("cache"), resource);
        Path planted = Files.write(dir.resolve("planted.so"), new byte[library.length]);
        Files.delete(cached);
        Files.createSymbolicLink(cached, planted);

        Path again = NativeLibraryCache.provide(dir.resolve("cache"), resource);

        assertThat(Files.isSymbolicLink(again)).isFalse();
        assertThat(Files.isRegularFile(again, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(again).hasBinaryContent(library);
        assertThat(planted).hasBinaryContent(new byte[library.length]);
    }

    @Test
    void aCacheOthersMayWriteIsNotUsed() throws Exception {
        assumeTrue(posix(), "POSIX permissions");
        Path cached = NativeLibraryCache.provide(dir.resolve("cache"), resource);
        Files.setPosixFilePermissions(cached.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> NativeLibraryCache.provide(dir.resolve("cache"), resource))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("may be written by others");
    }
}

package io.statefulset.helm;

import com.marcnuri.helm.jni.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;

/**
 * Helm's native library, unpacked once per helm-java jar into a directory of the user's own (the
 * plugin puts it beside the local Maven repository's artifacts, where the jar itself comes from) and
 * reused by later builds: inflating and writing the ~100 MB library costs more than generating a
 * chart. A cached file is used only if it and its directory belong to the user running the build,
 * nobody else may write them, it is a regular file (no link) and it has the size the jar gives;
 * otherwise it is unpacked again. Copies are written beside and moved into place, so builds that
 * run at once never see half a file.
 */
final class NativeLibraryCache {
    /** Where the library was unpacked to; {@code shared} when in the cache, else a copy for one build. */
    record Unpacked(Path library, boolean shared) {}

    private NativeLibraryCache() {}

    /**
     * The library of {@code provider}: from the cache under {@code cache} if one is given and can be
     * used, otherwise copied into a new directory under {@code temporary} that only this user can
     * read, which the caller deletes when the build ends.
     */
    static Unpacked unpack(NativeLibrary provider, Path cache, Path temporary) throws HelmException {
        String name = provider.getBinaryName();
        URL resource = provider.getClass().getResource("/" + name);
        if (resource == null) {
            throw new HelmUnavailableException("the Helm native library " + name + " is missing from the jar of "
                    + provider.getClass().getName() + "; the jar is damaged. Delete it from the local"
                    + " repository so that Maven fetches it again.");
        }
        if (cache != null) {
            try {
                return new Unpacked(provide(cache, resource), true);
            } catch (IOException e) {
                // A cache that cannot be trusted or written: a copy for this build alone does.
            }
        }
        try (InputStream in = resource.openStream()) {
            Path target = Files.createTempDirectory(temporary, "statefulset-helm-native-")
                    .resolve(name);
            Files.copy(in, target);
            return new Unpacked(target, false);
        } catch (IOException e) {
            throw new HelmException("cannot copy Helm's native library " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cached library for {@code resource} (a {@code jar:} URL of helm-java's native jar) under
     * {@code root}, unpacked first if needed.
     *
     * @throws IOException when the resource is not in a jar, or the cache cannot be used safely:
     *     the caller then copies the library privately for this build alone
     */
    static Path provide(Path root, URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException(resource + " is not inside a jar");
        }
        JarEntry entry = jar.getJarEntry();
        String jarName = Path.of(jar.getJarFileURL().getPath()).getFileName().toString();
        // The jar's name carries platform and version; the CRC tells apart two builds of one version.
        String key = jarName.replaceFirst("\\.jar$", "") + "-" + Long.toHexString(entry.getCrc());
        Path directory = root.resolve(key);
        Path library = directory.resolve(Path.of(entry.getName()).getFileName().toString());
        createPrivate(root);
        createPrivate(directory);
        requireOwn(root);
        requireOwn(directory);
        if (Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)) {
            requireOwn(library);
            if (Files.size(library) == entry.getSize()) {
                return library;
            }
        }
        Path part = Files.createTempFile(directory, "unpacking-", ".part");
        try {
            try (InputStream in = jar.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.size(part) != entry.getSize()) {
                throw new IOException("unpacked " + Files.size(part) + " bytes of " + entry.getName()
                        + ", the jar says " + entry.getSize());
            }
            try {
                Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Windows does not replace a library another build has loaded: that build unpacked
                // the same bytes, so the file in place serves.
                if (!Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)
                        || Files.size(library) != entry.getSize()) {
                    throw e;
                }
            }
            return library;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void createPrivate(Path directory) throws IOException {
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** The build's user owns {@code path}, and (where the file system says) nobody else may write it. */
    private static void requireOwn(Path path) throws IOException {
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        String user = System.getProperty("user.name", "");
        String name = owner.getName();
        // Windows names owners DOMAIN\\user.
        if (!name.equalsIgnoreCase(user)
                && !name.toLowerCase(Locale.ROOT).endsWith("\\" + user.toLowerCase(Locale.ROOT))) {
            throw new IOException(path + " belongs to " + name + ", not to " + user);
        }
        PosixFileAttributeView posix =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException(path + " may be written by others (" + permissions + ")");
            }
        }
    }
}

package io.statefulset.helm;

import com.marcnuri.helm.jni.NativeLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;

/**
 * Helm's native library, unpacked once per helm-java jar into the local Maven repository (where
 * that jar comes from, under {@code .cache/statefulset-maven-plugin/helm-natives/}) and reused by
 * later builds: inflating and writing the ~100 MB library costs more than generating a chart.
 *
 * <p>The cache is used only on file systems with POSIX permissions, and only if the repository and
 * every directory below it down to the library belong to the user running the build and nobody else
 * may write them; the library itself must be a regular file (no link) of the user's, writable by
 * nobody else, of the size the jar gives, or it is unpacked again. Copies are written beside and
 * moved into place, so builds that run at once never see half a file. Where the cache cannot be
 * used, the build gets a copy of its own in the temporary directory, deleted when it ends.
 */
final class NativeLibraryCache {
    /** Where the library was unpacked to; {@code shared} when in the cache, else a copy for one build. */
    record Unpacked(Path library, boolean shared) {}

    private static final List<String> CACHE = List.of(".cache", "statefulset-maven-plugin", "helm-natives");

    /** Helm's native libraries are about 100 MB; a jar entry that inflates far beyond is damaged. */
    static final long MAX_LIBRARY_BYTES = 512L * 1024 * 1024;

    /** A partial copy this old was left by a build that was killed while unpacking. */
    private static final Duration STALE_PART = Duration.ofMinutes(10);

    private NativeLibraryCache() {}

    /**
     * The library of {@code provider}: from the cache in {@code repository} (the local Maven
     * repository; null for none) if it can be used, otherwise copied into a new directory under
     * {@code temporary} that only this user can read, which the caller deletes when the build ends.
     */
    static Unpacked unpack(NativeLibrary provider, Path repository, Path temporary) throws HelmException {
        String name = provider.getBinaryName();
        URL resource = provider.getClass().getResource("/" + name);
        if (resource == null) {
            throw new HelmUnavailableException("the Helm native library " + name + " is missing from the jar of "
                    + provider.getClass().getName() + "; the jar is damaged. Delete it from the local"
                    + " repository so that Maven fetches it again.");
        }
        if (repository != null) {
            try {
                return new Unpacked(provide(repository, resource), true);
            } catch (IOException | RuntimeException e) {
                // A cache that cannot be trusted or written: a copy for this build alone does.
            }
        }
        Path directory = null;
        try (InputStream in = resource.openStream()) {
            directory = Files.createTempDirectory(temporary, "statefulset-helm-native-");
            Path target = directory.resolve(name);
            try (OutputStream out = Files.newOutputStream(target)) {
                copyAtMost(in, out, MAX_LIBRARY_BYTES, name);
            }
            return new Unpacked(target, false);
        } catch (IOException e) {
            HelmWorker.deleteTree(directory);
            throw new HelmException("cannot copy Helm's native library " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cached library for {@code resource} (a {@code jar:} URL of helm-java's native jar) in the
     * repository, unpacked first if needed.
     *
     * @throws IOException when the resource is not inside a jar or the cache cannot be used safely
     */
    static Path provide(Path repository, URL resource) throws IOException {
        if (!repository.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // Without POSIX permissions (Windows) nothing here can tell who may write the file.
            throw new IOException("no POSIX permissions on " + repository);
        }
        URLConnection connection = resource.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException(resource + " is not inside a jar");
        }
        JarEntry entry = jar.getJarEntry();
        String jarPath = jar.getJarFileURL().getPath();
        String jarName = jarPath.substring(jarPath.lastIndexOf('/') + 1);
        String entryName = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        // The jar's name carries platform and version; the CRC tells apart two builds of one version.
        String key = jarName.replaceFirst("\\.jar$", "") + "-" + Long.toHexString(entry.getCrc());

        UserPrincipal user = currentUser();
        requireOwn(repository, user);
        Path directory = repository;
        for (String part : CACHE) {
            directory = directory.resolve(part);
            createPrivate(directory);
            requireOwn(directory, user);
        }
        directory = directory.resolve(key);
        createPrivate(directory);
        requireOwn(directory, user);

        Path library = directory.resolve(entryName);
        if (Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)
                && isOwn(library, user)
                && Files.size(library) == entry.getSize()) {
            return library;
        }
        deleteStaleParts(directory);
        Path part = Files.createTempFile(directory, "unpacking-", ".part");
        try {
            // Into the file createTempFile made (owner-only), not a new one with the umask's mode.
            try (InputStream in = jar.getInputStream();
                    OutputStream out = Files.newOutputStream(part)) {
                copyAtMost(in, out, Math.min(entry.getSize(), MAX_LIBRARY_BYTES), entry.getName());
            }
            if (Files.size(part) != entry.getSize()) {
                throw new IOException("unpacked " + Files.size(part) + " bytes of " + entry.getName()
                        + ", the jar says " + entry.getSize());
            }
            try {
                Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Another build replaced it a moment ago with the same bytes: the file in place serves.
                if (!Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)
                        || !isOwn(library, user)
                        || Files.size(library) != entry.getSize()) {
                    throw e;
                }
            }
            return library;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Copies {@code in} to {@code out}, stopping as soon as more than {@code limit} bytes arrived. */
    static void copyAtMost(InputStream in, OutputStream out, long limit, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            total += read;
            if (total > limit) {
                throw new IOException(name + " inflates to more than " + limit + " bytes; the jar is damaged."
                        + " Delete it from the local repository so that Maven fetches it again.");
            }
            out.write(buffer, 0, read);
        }
    }

    /** The owner of a file this build creates: the user the cache must belong to. */
    private static UserPrincipal currentUser() throws IOException {
        Path probe = Files.createTempFile("statefulset-owner-", ".probe");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static void createPrivate(Path directory) throws IOException {
        if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.createDirectories(
                directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /** Throws unless {@link #isOwn}: a directory of someone else's cannot hold the cache. */
    private static void requireOwn(Path path, UserPrincipal user) throws IOException {
        if (!isOwn(path, user)) {
            throw new IOException(path + " is not " + user.getName() + "'s alone: "
                    + Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName() + ", "
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
        }
    }

    /** {@code path} is no link, belongs to {@code user}, and neither group nor others may write it. */
    private static boolean isOwn(Path path, UserPrincipal user) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return false;
        }
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        var attributes = view.readAttributes();
        Set<PosixFilePermission> permissions = attributes.permissions();
        return attributes.owner().equals(user)
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Partial copies of builds killed while unpacking; a recent one may still be another build's. */
    private static void deleteStaleParts(Path directory) throws IOException {
        FileTime before = FileTime.from(Instant.now().minus(STALE_PART));
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, "unpacking-*.part")) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part, LinkOption.NOFOLLOW_LINKS).compareTo(before) < 0) {
                    Files.deleteIfExists(part);
                }
            }
        }
    }
}

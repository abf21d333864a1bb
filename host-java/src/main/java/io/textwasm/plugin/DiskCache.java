package io.textwasm.plugin;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiled plugins on disk, so a restarted JVM skips Chicory's compiler: the hook is Chicory's
 * own {@link Cache}, which stores the generated classes as a jar keyed by the module's digest.
 *
 * <p>Layout: {@code DIR/chicory-VERSION/SHA256.jar}. The Chicory version is part of the path
 * because generated classes call into the runtime that generated them. Each file starts with the
 * SHA-256 of the rest, so a torn or corrupted file is detected, deleted and recompiled; writes
 * go to a temporary file first and are renamed into place, so readers never see a partial one.
 *
 * <p>These files are code the JVM will load. The directory must be private to the user: it is
 * created owner-only, and an existing directory that others may write to is refused.
 */
final class DiskCache implements Cache {
    private static final String PREFIX = "sha-256:";

    private final Path dir;
    final AtomicInteger hits = new AtomicInteger();
    final AtomicInteger misses = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();

    private DiskCache(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if needed) the cache under {@code root}; throws IllegalArgumentException if it is unsafe or unusable. */
    static DiskCache open(Path root) {
        return open(root, System.getProperty("user.name"));
    }

    /** {@link #open(Path)} as the user {@code userName} (the tests name another user, or one without a passwd entry). */
    static DiskCache open(Path root, String userName) {
        String version = chicoryVersion();
        if (version == null) {
            throw new IllegalArgumentException("cannot tell which Chicory version is running, so compiled plugins cannot be cached safely");
        }
        Path dir = root.resolve("chicory-" + version);
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("plugin cache directory " + root + ": it exists and is not a directory");
        }
        try {
            createPrivate(root);
            refuseShared(root, userName);
            createPrivate(dir);
            refuseShared(dir, userName);
        } catch (IOException e) {
            throw new IllegalArgumentException("plugin cache directory " + root + ": " + e.getMessage(), e);
        }
        return new DiskCache(dir);
    }

    Path directory() {
        return dir;
    }

    private static void createPrivate(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            return;
        }
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(p);
        }
    }

    /**
     * Refuses a directory that someone else could fill with code, directly or by replacing it:
     * one others may write to, one owned by another user, or one under a directory others may
     * write to without the sticky bit (they could rename ours away and put theirs in its place;
     * /tmp's sticky bit forbids that).
     */
    private static void refuseShared(Path p, String userName) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Path real = p.toRealPath();
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("others may write to it (" + PosixFilePermissions.toString(perms)
                    + "); compiled code is loaded from there, so use a directory only you can write");
        }
        UserPrincipal me;
        try {
            me = real.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(userName);
        } catch (UserPrincipalNotFoundException e) {
            me = null; // a user without a passwd entry (some containers): the mode bits must do
        }
        UserPrincipal owner = Files.getOwner(real);
        if (me != null && !owner.equals(me)) {
            throw new IOException("it belongs to " + owner.getName() + ", not to " + me.getName()
                    + "; compiled code is loaded from there, so use a directory of your own");
        }
        for (Path up = real.getParent(); up != null; up = up.getParent()) {
            Object mode;
            try {
                mode = Files.getAttribute(up, "unix:mode");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return; // no "unix" view: the permission bits above are all there is to check
            }
            int m = mode instanceof Integer ? (Integer) mode : 0;
            boolean othersWrite = (m & 0022) != 0;
            boolean sticky = (m & 01000) != 0;
            if (othersWrite && !sticky) {
                throw new IOException("it is inside " + up + ", where others may write (mode "
                        + Integer.toOctalString(m & 07777) + ") and so replace it; use a directory under one only you can write");
            }
        }
    }

    /** The version of the Chicory compiler on the classpath, from its Maven metadata. */
    static String chicoryVersion() {
        try (InputStream in = MachineFactoryCompiler.class.getResourceAsStream("/META-INF/maven/com.dylibso.chicory/compiler/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v != null && v.matches("[0-9A-Za-z.+-]{1,40}") ? v : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The file for a Chicory digest key ("sha-256:BASE64"), or null for a key we do not use. */
    Path file(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return null;
        }
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(key.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return digest.length == 32 ? dir.resolve(HexFormat.of().formatHex(digest) + ".jar") : null;
    }

    @Override
    public byte[] get(String key) {
        Path f = file(key);
        if (f == null || !Files.isRegularFile(f)) {
            misses.incrementAndGet();
            return null;
        }
        try {
            byte[] all = Files.readAllBytes(f);
            if (all.length > 32) {
                byte[] data = Arrays.copyOfRange(all, 32, all.length);
                if (Arrays.equals(sha256(data), Arrays.copyOf(all, 32))) {
                    hits.incrementAndGet();
                    return data;
                }
            }
            failures.incrementAndGet();
            Files.deleteIfExists(f); // corrupt: compile again and rewrite it
        } catch (IOException e) {
            failures.incrementAndGet();
        }
        misses.incrementAndGet();
        return null;
    }

    @Override
    public void putIfAbsent(String key, byte[] data) {
        Path f = file(key);
        if (f == null || Files.exists(f)) {
            return;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".partial-", ".jar");
            byte[] sum = sha256(data);
            try (var out = Files.newOutputStream(tmp)) {
                out.write(sum);
                out.write(data);
            }
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f);
            }
            tmp = null;
            writes.incrementAndGet();
        } catch (FileAlreadyExistsException e) {
            // Another JVM published the same module first: theirs is as good as ours.
        } catch (IOException e) {
            // The cache is an optimisation; a full disk must not fail the load.
            failures.incrementAndGet();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    void evict(String key) {
        Path f = file(key);
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                failures.incrementAndGet();
            }
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.sparsepocket.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Writes that are all or nothing: content goes to a temporary file or folder next to the target and is
 * renamed into place only when complete, so a reader never sees a half-written output and a failure
 * leaves nothing behind.
 *
 * <p>Staging files and folders are created with the ordinary modes (0666/0777 less the umask), not the
 * private 0600/0700 of {@code Files.createTemp*}: the rename keeps the mode, and outputs must be readable
 * by colleagues, a group folder or a web server just like any other file the user makes. Nothing written
 * here is left world-writable, even under umask 000.
 */
public final class AtomicFiles {

    /** Fills a staging folder with files; may throw to abandon the whole output. */
    @FunctionalInterface
    public interface FolderWriter {
        void write(Path staging) throws IOException;
    }

    /**
     * Staging folders and temporary files being written: a shutdown hook deletes those left when the
     * JVM is stopped mid-write (Ctrl-C, kill), so an interrupted run leaves no partial output either.
     */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    private static Path track(Path partial) {
        if (HOOK_INSTALLED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removeInProgress, "remove-partial-outputs"));
        }
        IN_PROGRESS.add(partial);
        return partial;
    }

    /** Stops tracking {@code partial} once it is moved into place or deleted; one left behind stays for the hook. */
    private static void untrackUnlessLeft(Path partial) {
        if (!Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
            IN_PROGRESS.remove(partial);
        }
    }

    /** Deletes what is still being written (a writer thread may still add files: a few tries). */
    private static void removeInProgress() {
        for (Path p : IN_PROGRESS) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    deleteRecursively(p);
                    break;
                } catch (IOException e) {
                    // a file appeared or vanished under us: try again
                }
            }
        }
    }

    /** Writes a text file (UTF-8) atomically, replacing any previous file. */
    public static void writeString(Path target, String content) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        Path tmp = track(createUnique(dir, "." + target.getFileName() + ".", ".tmp", false));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            notWorldWritable(tmp);
            move(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            untrackUnlessLeft(tmp);
        }
    }

    /**
     * Creates (or replaces) folder {@code target} with what {@code writer} puts into a staging folder.
     * When the writer throws, the staging folder is deleted and any previous {@code target} is left as it
     * was.
     */
    public static void writeFolder(Path target, FolderWriter writer) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        Path staging = track(createUnique(dir, "." + target.getFileName() + ".partial-", "", true));
        try {
            replaceWithStaged(dir, target, staging, writer);
        } finally {
            untrackUnlessLeft(staging);
        }
    }

    private static void replaceWithStaged(Path dir, Path target, Path staging, FolderWriter writer)
            throws IOException {
        try {
            writer.write(staging);
            notWorldWritable(staging);
        } catch (IOException | RuntimeException | Error e) {
            deleteRecursively(staging);
            throw e;
        }
        Path old = null;
        try {
            if (Files.exists(target)) {
                // A folder cannot be renamed over a non-empty one: move the old one aside first.
                old = dir.resolve("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
                move(target, old);
            }
            move(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(staging);
            if (old != null && !Files.exists(target)) {
                move(old, target);
                old = null;
            }
            throw e;
        } finally {
            if (old != null) {
                deleteRecursively(old);
            }
        }
    }

    /** Deletes a file or a folder tree; missing paths are fine. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A new file or folder with a random name, created with the umask's mode (see the class comment). */
    private static Path createUnique(Path dir, String prefix, String suffix, boolean folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                if (folder) {
                    Files.createDirectory(p);
                } else {
                    Files.createFile(p);
                }
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Removes write permission for others from a file or folder tree (no-op where POSIX modes do not exist). */
    static void notWorldWritable(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (mode.remove(PosixFilePermission.OTHERS_WRITE)) {
                    Files.setPosixFilePermissions(p, mode);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path parentOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null) {
            throw new UncheckedIOException(new IOException("no parent folder for " + target));
        }
        return parent;
    }
}

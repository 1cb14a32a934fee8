package org.sparsepocket.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes that are all or nothing: content goes to a temporary file or folder next to the target and is
 * renamed into place only when complete, so a reader never sees a half-written output and a failure
 * leaves nothing behind.
 */
public final class AtomicFiles {

    /** Fills a staging folder with files; may throw to abandon the whole output. */
    @FunctionalInterface
    public interface FolderWriter {
        void write(Path staging) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes a text file (UTF-8) atomically, replacing any previous file. */
    public static void writeString(Path target, String content) throws IOException {
        Path dir = parentOf(target);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            move(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
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
        Path staging = Files.createTempDirectory(dir, "." + target.getFileName() + ".partial-");
        try {
            writer.write(staging);
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
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

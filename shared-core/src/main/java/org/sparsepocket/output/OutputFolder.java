package org.sparsepocket.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * An output folder's problems in words (the CLI's {@code --out}, the KNIME node's report folder): checked
 * once before any work (so a folder that cannot be written gives one line, not one per input, and no
 * model is loaded for nothing), and the words for an I/O failure while writing.
 */
public final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Why outputs cannot go to {@code out}, or null when they can (as far as can be told without
     * writing: the folder is not created here, so a run that fails leaves nothing behind).
     */
    public static String problem(Path out) {
        Path dir = out.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "exists and is not a directory";
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "no existing parent directory";
        }
        if (!Files.isDirectory(existing)) {
            return existing + " is not a directory";
        }
        if (!Files.isWritable(existing)) {
            return "permission denied (cannot write in " + existing + ")";
        }
        return cannotHoldFiles(existing);
    }

    /**
     * Whether a file can really be made in {@code existing}: the access bits say yes for root under /proc
     * or /sys and on a read-only mount, where a run used to fail only after predicting. A hidden probe
     * file is made and deleted at once.
     */
    private static String cannotHoldFiles(Path existing) {
        try {
            if (Files.getFileStore(existing).isReadOnly()) {
                return "read-only file system (" + existing + ")";
            }
            Files.delete(Files.createTempFile(existing, ".sparsepocket-probe-", ".tmp"));
            return null;
        } catch (AccessDeniedException e) {
            return "cannot create files in " + existing + " (permission denied)";
        } catch (FileSystemException e) {
            return "cannot create files in " + existing + (e.getReason() == null ? "" : " (" + e.getReason() + ")");
        } catch (IOException e) {
            return "cannot create files in " + existing + " (" + describe(e) + ")";
        }
    }

    /** An I/O failure while writing, in words, naming the file or folder involved. */
    public static String describe(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        if (file == null) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : org.sparsepocket.ErrorLines.oneLine(e.getMessage());
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + file + ")";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return file + " is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return file + ": no such file or directory";
        }
        String reason = ((FileSystemException) e).getReason();
        return reason == null ? file + ": " + e.getClass().getSimpleName() : file + ": " + reason;
    }
}

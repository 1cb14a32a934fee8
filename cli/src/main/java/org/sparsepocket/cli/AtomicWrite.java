package org.sparsepocket.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sparsepocket.output.AtomicFiles;

/** Writes a text file through a temporary file and a rename, so no partial file is ever left. */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /** As {@link AtomicFiles#writeString}: the file follows the umask and is never world-writable. */
    public static void text(Path target, String content) throws IOException {
        AtomicFiles.writeString(target, content);
    }
}

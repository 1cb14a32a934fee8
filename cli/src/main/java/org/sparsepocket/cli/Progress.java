package org.sparsepocket.cli;

import java.io.PrintWriter;

/** Progress and warning lines on stderr ("sparsepocket: ..."). Progress is silenced by --quiet; warnings are not. */
public final class Progress {

    private final PrintWriter err;
    private final boolean quiet;

    Progress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** A step of long work, e.g. "downloading https://..." or "[3/995] 1abc". */
    public void info(String message) {
        if (!quiet) {
            err.println("sparsepocket: " + message);
            err.flush();
        }
    }

    /** Something the user should know about the input; printed even with --quiet. */
    public void warn(String input, String message) {
        err.println("warning: " + input + ": " + message);
        err.flush();
    }
}

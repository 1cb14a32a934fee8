package org.sparsepocket.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --json} and {@code --quiet}, shared by every command that prints results. */
public final class OutputOptions {

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    public boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress messages on stderr.")
    public boolean quiet;

    /** Progress goes to stderr, never stdout, so {@code --json} output stays parseable. */
    public Progress progress(PrintWriter err) {
        return new Progress(err, quiet);
    }
}

package org.sparsepocket;

import org.sparsepocket.structure.StructureFormat;

/**
 * The one-line error of a failed batch input, the same in every front end that runs batches (the CLI's
 * {@code predict}, the Spark job): "{@code label}: problem", naming the input as the user gave it once.
 */
public final class ErrorLines {

    private ErrorLines() {
    }

    /**
     * The line for an input whose load or prediction threw {@code failure}: a {@link PredictionException}'s
     * own message, "out of memory ..." for an {@link OutOfMemoryError}, else "internal error: ...".
     */
    public static String of(String label, Throwable failure) {
        String message;
        if (failure instanceof PredictionException) {
            message = failure.getMessage();
        } else if (failure instanceof OutOfMemoryError) {
            message = "out of memory (structure too large for the Java heap; raise -Xmx)";
        } else {
            message = "internal error: " + describe(failure);
        }
        return forInput(label, message);
    }

    /**
     * "{@code label}: problem". Messages from the predictor name the structure ("1abc: ..."), which is
     * replaced by the label (a complex's name, "1abc_A: ...", is kept after it); a message already
     * naming the label is kept.
     */
    public static String forInput(String label, String message) {
        String line = oneLine(message == null || message.isBlank() ? "failed" : message);
        if (line.startsWith(label + ": ") || line.startsWith(label + " (")) {
            return line;
        }
        int colon = line.indexOf(": ");
        if (colon > 0) {
            String named = line.substring(0, colon);
            if (named.equalsIgnoreCase(StructureFormat.baseName(label))) {
                line = line.substring(colon + 2);
            }
        }
        return label + ": " + line;
    }

    /** Line breaks and the whitespace around them become one space. */
    public static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}

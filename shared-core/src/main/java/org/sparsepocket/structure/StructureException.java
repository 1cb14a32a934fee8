package org.sparsepocket.structure;

import org.sparsepocket.PredictionException;

/**
 * A structure or ligand input that cannot be used. The message is one line of the form
 * {@code "<input>: <problem>"}, e.g. {@code "broken.pdb.gz: truncated gzip data"}; front ends print it
 * as is, without a stack trace.
 */
public class StructureException extends PredictionException {

    public StructureException(String input, String problem) {
        super(oneLine(input + ": " + problem));
    }

    public StructureException(String input, String problem, Throwable cause) {
        super(oneLine(input + ": " + problem), cause);
    }

    /** Messages of parsers and the network may span lines; a CLI error must not. */
    static String oneLine(String s) {
        String flat = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 297) + "...";
    }

    /** A short, single-line description of a cause for use inside a message. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return oneLine(m == null || m.isBlank() ? kind : m);
    }
}

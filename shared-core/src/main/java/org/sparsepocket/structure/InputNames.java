package org.sparsepocket.structure;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What every batch front end (the CLI's {@code predict}, the Spark job) recognises as a structure file
 * by name, and the base name an input is reported and stored under.
 */
public final class InputNames {

    /** Structure file extensions, before an optional compression suffix. */
    public static final List<String> STRUCTURE_EXTENSIONS = List.of(".pdb", ".ent", ".cif", ".mmcif", ".bcif", ".pdbqt");

    /** Compression suffixes read transparently. */
    public static final List<String> COMPRESSION = List.of(".gz", ".zst");

    private InputNames() {
    }

    /** Whether a file name (or path) ends in a structure extension, optionally compressed. */
    public static boolean isStructureFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String c : COMPRESSION) {
            if (n.endsWith(c)) {
                n = n.substring(0, n.length() - c.length());
            }
        }
        for (String e : STRUCTURE_EXTENSIONS) {
            if (n.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** "dir/1abc_protein.pdbqt.gz" → "1abc_protein"; "1ABC" → "1abc"; "s3a://b/x/AF-P1-F1-model_v4.cif" → "AF-P1-F1-model_v4". */
    public static String baseName(String argument) {
        String n = argument;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0 && slash < n.length() - 1) {
            n = n.substring(slash + 1);
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            String lower = n.toLowerCase(Locale.ROOT);
            for (String ext : Stream.concat(COMPRESSION.stream(), STRUCTURE_EXTENSIONS.stream()).toList()) {
                if (lower.endsWith(ext) && n.length() > ext.length()) {
                    n = n.substring(0, n.length() - ext.length());
                    stripped = true;
                    break;
                }
            }
        }
        return StructureSource.isPdbId(n) ? n.toLowerCase(Locale.ROOT) : n;
    }
}

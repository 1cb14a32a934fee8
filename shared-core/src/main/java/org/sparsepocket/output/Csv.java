package org.sparsepocket.output;

import java.util.List;
import java.util.Locale;

/** RFC 4180 CSV fields and fixed, locale-independent number formats for every text output. */
final class Csv {

    private Csv() {
    }

    static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append('\n').toString();
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Coordinates and lengths in Å: 3 decimals (PDB precision). */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Probabilities and scores: 4 decimals. */
    static String prob(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}

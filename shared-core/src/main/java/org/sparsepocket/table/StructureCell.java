package org.sparsepocket.table;

import org.sparsepocket.structure.StructureFormat;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.sparsepocket.structure.StructureSource;

/**
 * What a string cell of a structure column holds: the structure itself as PDB or mmCIF text, a file
 * path, a URL, a PDB ID or a UniProt accession. {@link #interpret} decides by form alone (it reads no file and opens no
 * connection), so the same cell always means the same thing.
 */
public sealed interface StructureCell {

    /** Structure text held in the cell; {@code name} comes from the header, else the row key. */
    record Text(String text, StructureFormat format, String name) implements StructureCell {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(name, "name");
        }

        /** A file name whose extension tells a loader the format, e.g. "1abc.cif". */
        public String fileName() {
            return name + format.extensions().get(0);
        }
    }

    /** A local file. */
    record FilePath(Path path) implements StructureCell {
        public FilePath {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A URL with a scheme (file:, http:, https:, knime:, ...). */
    record Url(URI uri) implements StructureCell {
        public Url {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** A PDB ID ("1abc", fetched from the RCSB) or a UniProt accession (AlphaFold DB model). */
    record DatabaseId(String id) implements StructureCell {
        public DatabaseId {
            Objects.requireNonNull(id, "id");
        }
    }

    Pattern URL_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);
    /** PDB records that no sensible file name starts with. */
    Pattern ONE_LINE_RECORDS = Pattern.compile("(ATOM  |HETATM|HEADER    |CRYST1 |REMARK   )");
    Pattern MMCIF_START = Pattern.compile("(?s)\\s*(#[^\\n]*\\n\\s*)*data_.*");

    /**
     * Interprets a cell's content.
     *
     * @param cell        the cell's string
     * @param fallbackName name for structure text without an ID in its header (the row key)
     * @throws IllegalArgumentException with a one-line reason when the cell holds none of the forms
     */
    static StructureCell interpret(String cell, String fallbackName) {
        if (cell == null || cell.isBlank()) {
            throw new IllegalArgumentException("the structure cell is empty");
        }
        String s = cell.strip();
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return text(s, fallbackName);
        }
        if (ONE_LINE_RECORDS.matcher(s).lookingAt()) {
            // e.g. a reader that dropped the line breaks: as a path it would read "ATOM ...: no such file"
            throw new IllegalArgumentException("\"" + abbreviate(s) + "\" is structure text on one line; "
                    + "its line breaks are missing");
        }
        if (StructureSource.isPdbId(s) || StructureSource.isUniProtAccession(s)) {
            return new DatabaseId(s);
        }
        if (URL_SCHEME.matcher(s).matches()) {
            try {
                URI uri = new URI(s.replace(" ", "%20"));
                if (uri.getScheme() != null) {
                    return new Url(uri);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("\"" + abbreviate(s) + "\" is not a valid URL: " + e.getReason());
            }
        }
        try {
            return new FilePath(Path.of(s));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + abbreviate(s) + "\" is neither structure text, a PDB ID, "
                    + "a URL nor a file path");
        }
    }

    private static Text text(String s, String fallbackName) {
        if (MMCIF_START.matcher(s).matches()) {
            int start = s.indexOf("data_") + 5;
            int end = start;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            String id = s.substring(start, end);
            return new Text(s, StructureFormat.MMCIF, id.isEmpty() ? fallbackName : safeName(id.toLowerCase(Locale.ROOT), fallbackName));
        }
        String name = fallbackName;
        int eol = s.indexOf('\n');
        String first = eol < 0 ? s : s.substring(0, eol);
        if (first.startsWith("HEADER") && first.length() >= 66) {
            String id = first.substring(62, 66).trim();
            if (!id.isEmpty()) {
                name = safeName(id.toLowerCase(Locale.ROOT), fallbackName);
            }
        }
        return new Text(s, StructureFormat.PDB, name);
    }

    private static String safeName(String id, String fallback) {
        return id.matches("[A-Za-z0-9_.-]{1,64}") ? id : fallback;
    }

    /** At most 60 characters for a message, control characters (binary cells) shown as '?'. */
    static String abbreviate(String s) {
        String shown = s.length() <= 60 ? s : s.substring(0, 57) + "...";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}

package org.sparsepocket.structure;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one place that knows the file formats: their names, file extensions and how their content is
 * recognised ({@link #detect(byte[])}; content decides, never the file name alone). {@link StructureLoader}
 * reads the structure formats, {@link LigandFile} all of them; front ends list files and name outputs with
 * {@link #isStructureFile} and {@link #baseName}.
 */
public enum StructureFormat {
    /** PDB fixed columns. */
    PDB(true, ".pdb", ".ent"),
    /** AutoDock PDBQT: PDB columns plus partial charge (71-76) and AutoDock atom type (78-79). */
    PDBQT(true, ".pdbqt"),
    /** mmCIF / PDBx text. */
    MMCIF(true, ".cif", ".mmcif"),
    /** BinaryCIF (MessagePack-encoded mmCIF). */
    BCIF(true, ".bcif"),
    /** MDL molfile / SD file (V2000 or V3000): a ligand, read with CDK. */
    SDF(false, ".sdf", ".sd", ".mol"),
    /** Tripos MOL2: a ligand, read with CDK. */
    MOL2(false, ".mol2");

    /** Compressions every format may come in, by extension. */
    public static final List<String> COMPRESSIONS = List.of(".gz", ".zst");

    private final boolean structure;
    private final List<String> extensions;

    StructureFormat(boolean structure, String... extensions) {
        this.structure = structure;
        this.extensions = List.of(extensions);
    }

    /** Whether this format holds a protein structure (else only a ligand molecule). */
    public boolean isStructure() {
        return structure;
    }

    /** File extensions, lower case with the dot, the usual one first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The structure formats' extensions, e.g. for a usage message: ".pdb .ent .pdbqt .cif .mmcif .bcif". */
    public static String structureExtensions() {
        return Arrays.stream(values()).filter(StructureFormat::isStructure).flatMap(f -> f.extensions.stream())
                .collect(Collectors.joining(" "));
    }

    /** Whether a file name has a structure format's extension, optionally followed by a compression's. */
    public static boolean isStructureFile(String fileName) {
        String lower = withoutCompression(fileName.toLowerCase(Locale.ROOT));
        return Arrays.stream(values()).filter(StructureFormat::isStructure)
                .anyMatch(f -> f.extensions.stream().anyMatch(lower::endsWith));
    }

    /**
     * The file name without folders and without its format and compression extensions:
     * "dir/1abc_protein.pdbqt.gz" → "1abc_protein"; "AF-P12345-F1-model_v4.cif" → "AF-P12345-F1-model_v4".
     */
    public static String baseName(String fileName) {
        String n = fileName;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            String lower = n.toLowerCase(Locale.ROOT);
            for (String ext : allExtensions()) {
                if (lower.endsWith(ext) && n.length() > ext.length()) {
                    n = n.substring(0, n.length() - ext.length());
                    stripped = true;
                    break;
                }
            }
        }
        return n;
    }

    private static List<String> allExtensions() {
        return java.util.stream.Stream.concat(COMPRESSIONS.stream(),
                Arrays.stream(values()).flatMap(f -> f.extensions.stream())).toList();
    }

    private static String withoutCompression(String lower) {
        for (String c : COMPRESSIONS) {
            if (lower.endsWith(c)) {
                return lower.substring(0, lower.length() - c.length());
            }
        }
        return lower;
    }

    private static final int SNIFF_BYTES = 1 << 16;

    /**
     * Recognises the format of decompressed content, or returns {@code null} when it is none of them.
     * ({@link #of} is the public name; {@code detect} is what the readers call.)
     * BinaryCIF: a MessagePack map whose first keys include "encoder", "version" or "dataBlocks".
     * mmCIF: the first line that is neither blank nor a comment starts with {@code data_}.
     * MOL2: a {@code @<TRIPOS>ATOM} section. SDF: a molfile counts line (V2000/V3000) or an {@code M  END} line.
     * PDB/PDBQT: the text has ATOM or HETATM records; PDBQT when their columns 71-76 hold a partial
     * charge (a decimal number), which PDB leaves blank or uses for a segment id.
     */
    public static StructureFormat of(byte[] content) {
        return detect(content);
    }

    static StructureFormat detect(byte[] content) {
        if (content.length == 0) {
            return null;
        }
        if (looksLikeBinaryCif(content)) {
            return BCIF;
        }
        if (!looksLikeText(content)) {
            return null;
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                if (line.startsWith("data_")) {
                    return MMCIF;
                }
                break;
            }
            start = end + 1;
        }
        if (text.contains("@<TRIPOS>ATOM")) {
            return MOL2;
        }
        if (text.contains("\nM  END") || isMolfile(text)) {
            return SDF;
        }
        boolean anyAtom = false;
        start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (text.startsWith("ATOM  ", start) || text.startsWith("HETATM", start)) {
                anyAtom = true;
                String line = text.substring(start, end).stripTrailing();
                if (line.length() >= 76 && line.substring(70, 76).strip().matches("[+-]?\\d*\\.\\d+")) {
                    return PDBQT;
                }
                if (line.length() >= 54) {
                    return PDB;
                }
            }
            start = end + 1;
        }
        return anyAtom ? PDB : null;
    }

    /** A molfile's fourth line is its counts line, ending with V2000 or V3000. */
    private static boolean isMolfile(String text) {
        String[] head = text.split("\r?\n", 5);
        return head.length >= 4 && (head[3].stripTrailing().endsWith("V2000") || head[3].stripTrailing().endsWith("V3000"));
    }

    private static boolean looksLikeBinaryCif(byte[] b) {
        int first = b[0] & 0xff;
        boolean map = (first >= 0x80 && first <= 0x8f) || first == 0xde || first == 0xdf;
        if (!map) {
            return false;
        }
        String head = new String(b, 0, Math.min(b.length, 256), StandardCharsets.ISO_8859_1);
        return head.contains("encoder") || head.contains("dataBlocks") || head.contains("version");
    }

    /** Text: no NUL bytes and almost no other control characters in the first 64 KiB. */
    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                return false;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                control++;
            }
        }
        return control * 100 <= n;
    }
}

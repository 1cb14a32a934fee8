package org.sparsepocket.structure;

import java.nio.charset.StandardCharsets;

/**
 * The file formats {@link StructureLoader} reads. Recognised from the content (never only from the file
 * name), see {@link #detect(byte[])}.
 */
public enum StructureFormat {
    /** PDB fixed columns. */
    PDB,
    /** AutoDock PDBQT: PDB columns plus partial charge (71-76) and AutoDock atom type (78-79). */
    PDBQT,
    /** mmCIF / PDBx text. */
    MMCIF,
    /** BinaryCIF (MessagePack-encoded mmCIF). */
    BCIF;

    private static final int SNIFF_BYTES = 1 << 16;

    /**
     * Recognises the format of decompressed content, or returns {@code null} when it is none of them.
     * BinaryCIF: a MessagePack map whose first keys include "encoder", "version" or "dataBlocks".
     * mmCIF: the first line that is neither blank nor a comment starts with {@code data_}.
     * PDB/PDBQT: the text has ATOM or HETATM records; PDBQT when their columns 71-76 hold a partial
     * charge (a decimal number), which PDB leaves blank or uses for a segment id.
     */
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

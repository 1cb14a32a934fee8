package org.sparsepocket.structure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads a protein structure from a file or from bytes. The entry point for every front end.
 *
 * <p>Formats: PDB, PDBQT, mmCIF and BinaryCIF, each plain, gzip- or zstd-compressed, recognised from the
 * content. Loading rules: first model only; per residue the alternate location with the highest
 * occupancy; hydrogens dropped; standard and modified amino acids form the protein; waters, ions and
 * other het groups are set aside as {@link Structure#hetGroups()}; nucleic acids are excluded. Every
 * failure is a {@link StructureException} with a one-line message naming the input.
 *
 * <p>Stateless and thread-safe.
 */
public final class StructureLoader {

    private StructureLoader() {
    }

    /** Loads a structure file. */
    public static Structure load(Path file) {
        byte[] raw = StructureInput.read(file);
        return parse(raw, file.toString(), baseName(file.getFileName().toString()));
    }

    /**
     * Parses a structure held in memory (e.g. text handed over by Jmol or KNIME).
     *
     * @param content file content, possibly compressed
     * @param name    the input's name for messages and {@link Structure#name()} (a file name or an ID);
     *                known extensions are stripped for the structure name
     */
    public static Structure parse(byte[] content, String name) {
        return parse(content, name, baseName(name));
    }

    static Structure parse(byte[] content, String input, String structureName) {
        StructureInput.Decoded decoded = StructureInput.decode(content, input);
        Optional<String> truncation = switch (decoded.format()) {
            case PDB, PDBQT -> TruncatedInput.checkPdb(input, new String(decoded.content(), StandardCharsets.ISO_8859_1),
                    decoded.format() == StructureFormat.PDBQT);
            case MMCIF -> {
                TruncatedInput.checkMmcif(input, decoded.content());
                yield Optional.empty();
            }
            // BinaryCIF columns have explicit lengths (a cut file fails to decode); ligand-only formats are
            // refused by BioJavaReader; a new format has no truncation check until it needs one
            default -> Optional.empty();
        };
        org.biojava.nbio.structure.Structure s = BioJavaReader.read(decoded);
        Structure structure = StructureAssembler.structure(s, input, structureName);
        if (truncation.isEmpty()) {
            return structure;
        }
        List<String> warnings = new ArrayList<>(structure.warnings());
        warnings.add(truncation.get());
        return new Structure(structure.name(), structure.protein(), structure.hetGroups(), warnings);
    }

    /**
     * Recognises a file's format and compression without parsing it, e.g. {@code "PDB"} or
     * {@code "MMCIF, gzip"}.
     */
    public static String describeFormat(Path file) {
        StructureInput.Decoded d = StructureInput.decode(StructureInput.read(file), file.toString());
        return d.format() + ("none".equals(d.compression()) ? "" : ", " + d.compression());
    }

    /**
     * Whether a file looks like a structure file from its first MiB: compressed, or BinaryCIF, or PDB or
     * PDBQT records, or mmCIF ({@code data_} and then a {@code _tag} line). Tells a structure saved under
     * another name (1abc.txt) from a list of inputs. Never throws: an unreadable file is {@code false}.
     */
    public static boolean looksLikeStructure(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (head.length == 0) {
            return false;
        }
        if (StructureInput.isCompressed(head)) {
            return true;
        }
        StructureFormat f = StructureFormat.detect(head);
        if (f != StructureFormat.MMCIF) {
            return f != null;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("\n_");   // a list whose first entry starts with data_ has no CIF tags
    }

    /** The structure's name from its file name ({@link StructureFormat#baseName}). */
    static String baseName(String fileName) {
        return StructureFormat.baseName(fileName);
    }
}

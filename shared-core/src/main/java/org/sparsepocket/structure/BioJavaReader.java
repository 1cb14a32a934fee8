package org.sparsepocket.structure;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.biojava.nbio.structure.Structure;
import org.biojava.nbio.structure.chem.ChemComp;
import org.biojava.nbio.structure.chem.ChemCompGroupFactory;
import org.biojava.nbio.structure.chem.ChemCompProvider;
import org.biojava.nbio.structure.chem.DownloadChemCompProvider;
import org.biojava.nbio.structure.chem.ReducedChemCompProvider;
import org.biojava.nbio.structure.io.FileParsingParameters;
import org.biojava.nbio.structure.io.PDBFileParser;
import org.biojava.nbio.structure.io.cif.CifStructureConverter;

/**
 * The one place BioJava parses files: decoded content → BioJava's structure model. PDBQT is rewritten to
 * PDB first ({@link PdbqtConverter}); BinaryCIF is decoded by {@link BinaryCif} (exact fixed-point values).
 *
 * <p>BioJava looks every residue name up in the Chemical Component Dictionary, and its default provider
 * downloads unknown entries from RCSB — a hang when offline. So before the first parse an offline
 * provider (the entries shipped in the BioJava jar, cached in a concurrent map) is installed, unless some
 * other part of the program already replaced the downloading default.
 */
final class BioJavaReader {

    static {
        synchronized (ChemCompGroupFactory.class) {
            if (ChemCompGroupFactory.getChemCompProvider() instanceof DownloadChemCompProvider) {
                ChemCompGroupFactory.setChemCompProvider(new OfflineChemComps());
            }
        }
    }

    private BioJavaReader() {
    }

    static Structure read(StructureInput.Decoded in) {
        FileParsingParameters params = new FileParsingParameters();
        params.setAlignSeqRes(false);
        params.setParseSecStruc(false);
        params.setCreateAtomBonds(false);
        params.setCreateAtomCharges(false);
        params.setParseBioAssembly(false);
        params.setAtomCaThreshold(Integer.MAX_VALUE);   // never silently fall back to C-alpha only
        // BioJava fails on such a file with "/ by zero": say what is missing instead.
        if (in.format() == StructureFormat.MMCIF && !containsIgnoreCase(in.content(), ATOM_SITE)) {
            throw new StructureException(in.input(), "mmCIF file has no _atom_site category (no atom coordinates)");
        }
        if (!in.format().isStructure()) {
            throw new StructureException(in.input(), "is a " + in.format()
                    + " ligand file, not a structure (PDB, PDBQT, mmCIF or BinaryCIF)");
        }
        try {
            return switch (in.format()) {
                case PDB, PDBQT -> {
                    String text = new String(in.content(), StandardCharsets.ISO_8859_1);
                    if (in.format() == StructureFormat.PDBQT) {
                        text = PdbqtConverter.toPdb(text);
                    }
                    text = withoutCrystalRecord(text);
                    if (!text.startsWith("COMPND") && !text.contains("\nCOMPND")) {
                        text = NO_ENTITY_SEARCH_PDB + text;
                    }
                    PDBFileParser parser = new PDBFileParser();
                    parser.setFileParsingParameters(params);
                    yield parser.parsePDBFile(new BufferedReader(new StringReader(text)));
                }
                case MMCIF -> CifStructureConverter.fromInputStream(new ByteArrayInputStream(in.content()), params);
                case BCIF -> CifStructureConverter.fromCifFile(BinaryCif.read(in.content()), params);
                default -> throw new AssertionError(in.format());   // ligand-only formats: refused above
            };
        } catch (IndexOutOfBoundsException e) {
            // BioJava's CIF reader indexes past a short row; say what that means, not "Index 3366 out of bounds".
            throw new StructureException(in.input(), "cannot parse as " + in.format()
                    + " (a table row has fewer values than columns: the file is cut short or malformed)", e);
        } catch (IOException | RuntimeException e) {
            throw new StructureException(in.input(), "cannot parse as " + in.format() + " ("
                    + StructureException.describe(e) + ")", e);
        }
    }

    private static final byte[] ATOM_SITE = "_atom_site.".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code data} holds {@code part} (lower-case ASCII) in any case, as CIF tags are. */
    static boolean containsIgnoreCase(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                byte b = data[i + j];
                if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /*
     * Without entity records BioJava groups chains into entities by aligning every pair of chain
     * sequences: quadratic in the number of chains (a minute for 100 chains). Entities are not used
     * here, so PDB text without COMPND records gets a minimal one that skips the search; chains are split
     * and classified exactly as before. (mmCIF links entities through _struct_asym, which cannot be
     * faked as cheaply; files from the PDB carry it.)
     */
    private static final String NO_ENTITY_SEARCH_PDB = "COMPND    MOL_ID: 1;\n";

    /*
     * BioJava turns a CRYST1 record into a space group by reading its whole space-group table, an XML
     * file it unmarshals with JAXB: about 0.5 s of a cold start (JAXB's runtime loads hundreds of
     * classes) for information nothing here uses. So the record is dropped before parsing. (mmCIF
     * carries the space group in _symmetry, which is left alone.)
     */
    static String withoutCrystalRecord(String pdb) {
        int at = pdb.startsWith("CRYST1") ? 0 : pdb.indexOf("\nCRYST1");
        if (at < 0) {
            return pdb;
        }
        int start = at == 0 ? 0 : at + 1;
        int end = pdb.indexOf('\n', start);
        return pdb.substring(0, start) + (end < 0 ? "" : pdb.substring(end + 1));
    }

    /** BioJava's bundled dictionary entries, never the network; thread-safe. */
    private static final class OfflineChemComps implements ChemCompProvider {
        private final ReducedChemCompProvider bundled = new ReducedChemCompProvider();
        private final Map<String, ChemComp> cache = new ConcurrentHashMap<>();

        @Override
        public ChemComp getChemComp(String recordName) {
            return cache.computeIfAbsent(recordName, bundled::getChemComp);
        }
    }
}

package org.sparsepocket.table;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.ISimpleChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.MDLV3000Reader;
import org.openscience.cdk.io.Mol2Reader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.LigandFile;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.StructureException;
import org.sparsepocket.table.StructureCell.FilePath;
import org.sparsepocket.table.StructureCell.Text;
import org.sparsepocket.table.StructureCell.Url;

/**
 * A known ligand from a table cell: SDF/MOL or MOL2 text (what KNIME's chemistry cells hold, read with
 * CDK), PDB/PDBQT/mmCIF text, or a path or URL to any of these files. Heavy atoms only; the whole
 * cell is one molecule (the first of an SD file).
 */
public final class LigandCell {

    /** Residue name given to ligands read from SDF/MOL2, which carry no ligand code. */
    public static final String CODE = "LIG";

    private LigandCell() {
    }

    /**
     * @param rowKey names PDB/mmCIF ligand text (the caller prefixes messages with the row key)
     * @throws StructureException naming the ligand input and the problem when the cell holds no readable ligand
     */
    public static Ligand load(String rowKey, String cell, FetchSettings fetch) {
        if (cell == null || cell.isBlank()) {
            throw new StructureException("ligand", "the cell is empty");
        }
        String trimmed = cell.strip();
        if (isMol2(trimmed) || isMdl(trimmed)) {
            return fromChemistryText("ligand", trimmed);
        }
        StructureCell c;
        try {
            c = StructureCell.interpret(cell, rowKey);
        } catch (IllegalArgumentException e) {
            throw new StructureException("ligand", e.getMessage());
        }
        if (c instanceof Text t) {
            return LigandFile.parse(t.text().getBytes(StandardCharsets.UTF_8), t.fileName());
        }
        if (c instanceof FilePath p) {
            return fromFile(p.path());
        }
        if (c instanceof Url u) {
            URI uri = u.uri();
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                return fromFile(CellPredictor.localPath(uri));
            }
            String name = CellPredictor.fileName(uri);
            return fromBytes(CellPredictor.download(uri, fetch), name);
        }
        throw new StructureException(trimmed, "a ligand is given as SDF, MOL2 or PDB text, a path or a URL, "
                + "not as a database ID");
    }

    private static Ligand fromFile(Path file) {
        try {
            return fromBytes(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new StructureException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    private static Ligand fromBytes(byte[] content, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".sdf") || lower.endsWith(".mol") || lower.endsWith(".sd") || lower.endsWith(".mol2")) {
            return fromChemistryText(name, new String(content, StandardCharsets.UTF_8));
        }
        return LigandFile.parse(content, name);
    }

    private static boolean isMol2(String s) {
        return s.contains("@<TRIPOS>ATOM");
    }

    /** A molfile's counts line ends with V2000 or V3000; an SD record ends with $$$$. */
    private static boolean isMdl(String s) {
        return s.contains("V2000") || s.contains("V3000") || s.contains("M  END");
    }

    private static Ligand fromChemistryText(String name, String text) {
        IAtomContainer molecule;
        try (ISimpleChemObjectReader reader = reader(text)) {
            molecule = reader.read(SilentChemObjectBuilder.getInstance().newAtomContainer());
        } catch (CDKException | IOException | RuntimeException e) {
            throw new StructureException(name, "unreadable ligand: " + firstLine(e.getMessage()));
        }
        if (molecule == null) {
            throw new StructureException(name, "unreadable ligand: no molecule");
        }
        ResidueId residue = new ResidueId("", 1, ' ', CODE);
        List<Atom> atoms = new ArrayList<>();
        int serial = 0;
        for (IAtom a : molecule.atoms()) {
            String element = a.getSymbol();
            if (a.getPoint3d() == null) {
                throw new StructureException(name, "the ligand has no 3-D coordinates");
            }
            serial++;
            if ("H".equals(element) || "D".equals(element)) {
                continue;
            }
            atoms.add(new Atom(serial, element + serial, element, residue,
                    a.getPoint3d().x, a.getPoint3d().y, a.getPoint3d().z, 1.0, 0.0));
        }
        if (atoms.isEmpty()) {
            throw new StructureException(name, "the ligand has no heavy atoms");
        }
        return new Ligand(residue, atoms);
    }

    private static ISimpleChemObjectReader reader(String text) {
        StringReader in = new StringReader(text);
        if (isMol2(text)) {
            return new Mol2Reader(in);
        }
        return text.contains("V3000") ? new MDLV3000Reader(in) : new MDLV2000Reader(in);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}

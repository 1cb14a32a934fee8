package org.sparsepocket.structure;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.ISimpleChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.MDLV3000Reader;
import org.openscience.cdk.io.Mol2Reader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * Reads a separate ligand file (e.g. the training sets' {@code <id>_ligand.pdbqt.gz}, or an SDF/MOL2 file
 * from a docking or chemistry tool): the heavy atoms of its first molecule are one ligand. Every format of
 * {@link StructureFormat}, plain or compressed, recognised by content. For PDB-like formats the ligand's
 * residue identity (its name is the ligand code) is that of the file's first residue, and peptide ligands
 * of several residues stay one molecule; SDF and MOL2 (read with CDK) carry no ligand code: {@link #CODE}.
 */
public final class LigandFile {

    /** Residue name given to ligands read from SDF/MOL2, which carry no ligand code. */
    public static final String CODE = "LIG";

    private LigandFile() {
    }

    /** Loads one ligand molecule from a file. */
    public static Ligand load(Path file) {
        return parse(StructureInput.read(file), file.toString());
    }

    /**
     * Parses one ligand molecule held in memory.
     *
     * @param name names the ligand in error messages (a path, URL or "ligand")
     * @throws StructureException naming {@code name} and the problem
     */
    public static Ligand parse(byte[] content, String name) {
        StructureInput.Decoded decoded = StructureInput.decode(content, name);
        if (!decoded.format().isStructure()) {
            return chemistry(name, new String(decoded.content(), StandardCharsets.UTF_8), decoded.format());
        }
        return StructureAssembler.molecule(BioJavaReader.read(decoded), name);
    }

    private static Ligand chemistry(String name, String text, StructureFormat format) {
        IAtomContainer molecule;
        try (ISimpleChemObjectReader reader = reader(text, format)) {
            molecule = reader.read(SilentChemObjectBuilder.getInstance().newAtomContainer());
        } catch (CDKException | IOException | RuntimeException e) {
            throw new StructureException(name, "unreadable " + format + " ligand: " + firstLine(e.getMessage()));
        }
        if (molecule == null) {
            throw new StructureException(name, "unreadable " + format + " ligand: no molecule");
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

    private static ISimpleChemObjectReader reader(String text, StructureFormat format) {
        StringReader in = new StringReader(text);
        if (format == StructureFormat.MOL2) {
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

package org.sparsepocket.features;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IAtomType.Hybridization;
import org.openscience.cdk.interfaces.IBond;
import org.openscience.cdk.interfaces.IChemObjectBuilder;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smarts.SmartsPattern;
import org.openscience.cdk.tools.manipulator.AtomContainerManipulator;
import org.sparsepocket.structure.ChemCompEntry;

/**
 * Computes the 18 PUResNetV2 features of every heavy atom of one residue template with CDK: element
 * class, hybridization (CDK atom typing), heavy and hetero degree, Gasteiger–Marsili charge (over the
 * template with all its hydrogens, {@link GasteigerCharges}) and the five published SMARTS flags (CDK
 * SMARTS, Daylight aromaticity).
 */
final class TemplateChemistry {

    /** The published SMARTS, in network order: hydrophobic, aromatic, acceptor, donor, ring. */
    static final List<String> SMARTS = List.of(
            "[#6+0!$(*~[#7,#8,F]),SH0+0v2,s+0,S^3,Cl+0,Br+0,I+0]",
            "[a]",
            "[!$([#1,#6,F,Cl,Br,I,o,s,nX3,#7v5,#15v5,#16v4,#16v6,*+1,*+2,*+3])]",
            "[!$([#6,H0,-,-2,-3]),$([!H0;#7,#8,#9])]",
            "[r]");

    /** Compiled once; matching does not change a pattern. */
    private static final List<SmartsPattern> PATTERNS = SMARTS.stream()
            .map(s -> SmartsPattern.create(s).setPrepare(false)).toList();
    private static final SmartsPattern CONJUGATED_LONE_PAIR =
            SmartsPattern.create("[N,O;$(*-[#6,#7,#8]=,:,#*)]").setPrepare(false);

    static final int HYBRIDIZATION = 9;
    static final int HEAVY_DEGREE = 10;
    static final int HETERO_DEGREE = 11;
    static final int PARTIAL_CHARGE = 12;
    static final int FIRST_FLAG = 13;

    private TemplateChemistry() {
    }

    /**
     * Features of each heavy atom of the template, keyed by atom name, in template order.
     *
     * @throws IllegalStateException when CDK cannot type an atom or assign charges (a broken template)
     */
    static Map<String, float[]> featurize(ChemCompEntry entry) {
        IAtomContainer mol = toMolecule(entry);
        try {
            AtomContainerManipulator.percieveAtomTypesAndConfigureAtoms(mol);
        } catch (CDKException e) {
            throw new IllegalStateException("CDK atom typing failed for template " + entry.code() + ": " + e.getMessage(), e);
        }
        // ring membership and (Daylight) aromaticity, once: the SMARTS, hybridization and charges read them
        SmartsPattern.prepare(mol);
        int[] hybridization = hybridization(mol);
        double[] charges = GasteigerCharges.compute(mol, hybridization);
        boolean[][] flags = new boolean[SMARTS.size()][];
        for (int p = 0; p < SMARTS.size(); p++) {
            flags[p] = matches(PATTERNS.get(p), mol);
        }
        Map<String, float[]> features = new LinkedHashMap<>();
        for (int i = 0; i < mol.getAtomCount(); i++) {
            IAtom atom = mol.getAtom(i);
            if (atom.getAtomicNumber() == 1) {
                continue;
            }
            float[] f = new float[AtomFeatures.COUNT];
            int column = ElementClass.column(atom.getAtomicNumber());
            if (column >= 0) {
                f[column] = 1f;
            }
            f[HYBRIDIZATION] = hybridization[i];
            int heavy = 0;
            int hetero = 0;
            for (IAtom n : atom.neighbors()) {
                int z = n.getAtomicNumber();
                if (z != 1) {
                    heavy++;
                }
                if (z != 1 && z != 6) {
                    hetero++;
                }
            }
            f[HEAVY_DEGREE] = heavy;
            f[HETERO_DEGREE] = hetero;
            f[PARTIAL_CHARGE] = (float) charges[i];
            for (int p = 0; p < SMARTS.size(); p++) {
                f[FIRST_FLAG + p] = flags[p][i] ? 1f : 0f;
            }
            features.put(entry.atoms().get(i).name(), f);
        }
        return features;
    }

    /**
     * The published encoding is Open Babel's integer hybridization: 1 sp, 2 sp2, 3 sp3, 5 sp3d, 6 sp3d2,
     * 0 unknown. CDK's planar-trigonal nitrogen (amide, aniline, guanidine) counts as sp2, as there.
     */
    static int hybridizationCode(Hybridization h) {
        if (h == null) {
            return 0;
        }
        return switch (h) {
            case SP1 -> 1;
            case SP2, PLANAR3 -> 2;
            case SP3 -> 3;
            case SP3D1 -> 5;
            case SP3D2 -> 6;
            default -> 0;
        };
    }

    private static IAtomContainer toMolecule(ChemCompEntry entry) {
        IChemObjectBuilder builder = SilentChemObjectBuilder.getInstance();
        IAtomContainer mol = builder.newAtomContainer();
        Map<String, Integer> index = new HashMap<>();
        for (ChemCompEntry.CompAtom a : entry.atoms()) {
            IAtom atom = builder.newInstance(IAtom.class, a.element());
            atom.setFormalCharge(a.formalCharge());
            atom.setImplicitHydrogenCount(0); // every hydrogen of the template is explicit
            if (index.putIfAbsent(a.name(), mol.getAtomCount()) != null) {
                throw new IllegalStateException("template " + entry.code() + " names atom " + a.name() + " twice");
            }
            mol.addAtom(atom);
        }
        for (ChemCompEntry.CompBond b : entry.bonds()) {
            Integer i = index.get(b.atom1());
            Integer j = index.get(b.atom2());
            if (i == null || j == null) {
                throw new IllegalStateException("template " + entry.code() + " bonds unknown atom "
                        + (i == null ? b.atom1() : b.atom2()));
            }
            mol.addBond(i, j, switch (b.order()) {
                case 1 -> IBond.Order.SINGLE;
                case 2 -> IBond.Order.DOUBLE;
                default -> IBond.Order.TRIPLE;
            });
        }
        return mol;
    }

    /**
     * Hybridization in the published encoding, from CDK's atom types, with one convention added: an
     * N or O that CDK types sp3 but whose lone pair is conjugated (single-bonded to a C, N or O that
     * carries a double, triple or aromatic bond: acid and phenol OH, guanidine N) counts as sp2, as in
     * Open Babel, whose values the published features are.
     */
    private static int[] hybridization(IAtomContainer mol) {
        boolean[] conjugated = matches(CONJUGATED_LONE_PAIR, mol);
        int[] codes = new int[mol.getAtomCount()];
        for (int i = 0; i < codes.length; i++) {
            Hybridization h = mol.getAtom(i).getHybridization();
            codes[i] = conjugated[i] && h == Hybridization.SP3 ? 2 : hybridizationCode(h);
        }
        return codes;
    }

    /** Which atoms the first atom of a single-atom SMARTS pattern maps to. */
    private static boolean[] matches(SmartsPattern pattern, IAtomContainer mol) {
        boolean[] hit = new boolean[mol.getAtomCount()];
        for (int[] mapping : pattern.matchAll(mol)) {
            hit[mapping[0]] = true;
        }
        return hit;
    }
}

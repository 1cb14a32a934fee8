package org.sparsepocket.jmol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javajs.util.BS;
import org.jmol.modelset.Group;
import org.jmol.modelset.ModelSet;
import org.jmol.viewer.Viewer;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;

/**
 * The current Jmol model as our {@link Structure}, with the way back from each protein atom to the Jmol
 * atom it came from. Built from the viewer's model set directly ({@code vwr.ms.at}), because
 * {@code evaluateExpression} does not work inside a Jmol callback.
 *
 * <p>Loading rules as for files: the current model (the first when all are shown), no hydrogens, one
 * alternate location per residue (the most occupied), protein residues as Jmol's polymer model classifies
 * them, nucleic-acid polymers left out, every other group (nucleotide ligands included) set aside as a
 * het group. Tests check that this gives the same protein and het groups as the file loader.
 *
 * @param structure   what the predictor sees
 * @param modelSet    the Jmol model set it was read from (a new one after every load or zap)
 * @param modelIndex  the Jmol model used
 * @param modelAtoms  all Jmol atoms of that model (hydrogens, ligands and nucleic acids included)
 * @param jmolIndex   Jmol atom index of each protein atom (same order as {@code structure.protein()})
 */
public record ViewerStructure(Structure structure, ModelSet modelSet, int modelIndex, BS modelAtoms,
                              int[] jmolIndex) {

    /** Thrown when the viewer holds nothing the predictor can use; the message is the one line to print. */
    public static final class NothingToPredict extends RuntimeException {
        NothingToPredict(String message) {
            super(message);
        }
    }

    public ViewerStructure {
        jmolIndex = jmolIndex.clone();
    }

    @Override
    public int[] jmolIndex() {
        return jmolIndex.clone();
    }

    /** Jmol atom index of every protein atom record, for mapping predicted atoms back. */
    public Map<Atom, Integer> jmolIndexByAtom() {
        Map<Atom, Integer> map = new HashMap<>(structure.protein().size() * 2);
        for (int i = 0; i < jmolIndex.length; i++) {
            map.put(structure.protein().get(i), jmolIndex[i]);
        }
        return map;
    }

    /**
     * Whether the viewer still shows the model this was read from with the same atoms: not after a load or
     * zap (a new model set), another frame, or deleted atoms or models (which also renumber atoms).
     */
    public boolean isCurrent(Viewer vwr) {
        ModelSet ms = vwr.ms;
        return ms == modelSet && ms.mc > modelIndex && currentModel(vwr) == modelIndex
                && liveAtoms(ms, modelIndex).equals(modelAtoms);
    }

    /** The model's atoms that are not deleted. */
    private static BS liveAtoms(ModelSet ms, int mi) {
        BS atoms = BS.copy(ms.am[mi].bsAtoms);
        atoms.andNot(ms.am[mi].bsAtomsDeleted);
        return atoms;
    }

    /**
     * Reads the current model.
     *
     * @throws NothingToPredict when nothing is loaded or the model has no protein atoms
     */
    public static ViewerStructure read(Viewer vwr) {
        ModelSet ms = vwr.ms;
        if (ms == null || ms.mc == 0 || ms.ac == 0) {
            throw new NothingToPredict("no structure loaded: load one first, e.g. load =1abc");
        }
        int mi = currentModel(vwr);
        BS atoms = liveAtoms(ms, mi);
        String name = structureName(vwr, mi);

        Map<Group, Character> altlocs = chooseAltlocs(ms, atoms);
        List<Atom> protein = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        Map<Group, List<Atom>> het = new LinkedHashMap<>();
        int hydrogens = 0, nucleic = 0;
        for (int i = atoms.nextSetBit(0); i >= 0; i = atoms.nextSetBit(i + 1)) {
            org.jmol.modelset.Atom a = ms.at[i];
            if (a == null) {
                continue;
            }
            if (a.getElementNumber() == 1) {
                hydrogens++;
                continue;
            }
            Group g = a.group;
            Character keep = altlocs.get(g);
            if (a.altloc != '\0' && keep != null && a.altloc != keep) {
                continue;
            }
            // Nucleotide ligands (GTP, ATP, ...) are HETATM groups Jmol also calls nucleic: keep them as het
            // groups, as the file loader does.
            if (g.isNucleic() && !a.isHetero()) {
                nucleic++;
                continue;
            }
            Atom atom = toAtom(a);
            if (g.isProtein()) {
                protein.add(atom);
                index.add(i);
            } else {
                het.computeIfAbsent(g, k -> new ArrayList<>()).add(atom);
            }
        }
        if (protein.isEmpty()) {
            throw new NothingToPredict(name + " has no protein atoms"
                    + (nucleic > 0 ? " (only nucleic acids" + (het.isEmpty() ? "" : " and other groups") + ")" : "")
                    + ": pockets are predicted on proteins only");
        }
        List<Ligand> ligands = new ArrayList<>(het.size());
        het.values().forEach(list -> ligands.add(new Ligand(list.get(0).residue(), list)));
        List<String> warnings = new ArrayList<>();
        if (nucleic > 0) {
            warnings.add(nucleic + " nucleic-acid atoms left out");
        }
        if (ms.mc > 1) {
            // An NMR ensemble or several files: say which model, whether one frame or all are shown.
            warnings.add(ms.mc + " models loaded; predicted on model " + ms.getModelNumberForAtomLabel(mi)
                    + " (use frame to choose another)");
        }
        Structure structure = new Structure(name, protein, ligands, warnings);
        return new ViewerStructure(structure, ms, mi, atoms, index.stream().mapToInt(Integer::intValue).toArray());
    }

    static int currentModel(Viewer vwr) {
        int cmi = vwr.am.cmi;
        return cmi >= 0 && cmi < vwr.ms.mc ? cmi : 0;
    }

    private static Atom toAtom(org.jmol.modelset.Atom a) {
        char ins = a.getInsertionCode();
        ResidueId residue = new ResidueId(a.getChainIDStr().strip(), a.getResno(), ins == '\0' ? ' ' : ins,
                a.getGroup3(false).toUpperCase(Locale.ROOT));
        return new Atom(a.getAtomNumber(), a.getAtomName(), a.getElementSymbol(), residue,
                decimal(a.x), decimal(a.y), decimal(a.z), a.getOccupancy100() / 100.0, a.getBfactor100() / 100.0);
    }

    /** Jmol keeps coordinates as floats: back to the file's decimals (files have at most 3 or 4). */
    private static double decimal(float v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /** Per residue with alternate locations: the location with the highest mean occupancy (first on ties). */
    private static Map<Group, Character> chooseAltlocs(ModelSet ms, BS atoms) {
        Map<Group, Map<Character, double[]>> seen = new HashMap<>();
        for (int i = atoms.nextSetBit(0); i >= 0; i = atoms.nextSetBit(i + 1)) {
            org.jmol.modelset.Atom a = ms.at[i];
            if (a == null || a.altloc == '\0') {
                continue;
            }
            double[] sum = seen.computeIfAbsent(a.group, g -> new LinkedHashMap<>())
                    .computeIfAbsent(a.altloc, c -> new double[2]);
            sum[0] += a.getOccupancy100();
            sum[1]++;
        }
        Map<Group, Character> best = new HashMap<>();
        seen.forEach((g, byAltloc) -> {
            char pick = 0;
            double top = -1;
            for (Map.Entry<Character, double[]> e : byAltloc.entrySet()) {
                double mean = e.getValue()[0] / e.getValue()[1];
                if (mean > top) {
                    top = mean;
                    pick = e.getKey();
                }
            }
            best.put(g, pick);
        });
        return best;
    }

    /**
     * The model's own file name without folders and extensions ("1abc" for load =1abc), else Jmol's model
     * name. Per model, not the viewer's last file: after load APPEND each model keeps its file's name.
     */
    private static String structureName(Viewer vwr, int mi) {
        String file = vwr.ms.getModelFileName(mi);
        if (file == null || file.isBlank() || file.equals("zapped") || file.startsWith("string")) {
            String model = vwr.ms.getModelName(mi);
            return model == null || model.isBlank() ? "model" : model.strip();
        }
        String base = file.replaceAll("[?#].*$", "");
        base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
        base = base.replaceFirst("(?i)(\\.(gz|zst|bz2|zip))$", "");
        base = base.replaceFirst("(?i)\\.(pdb|ent|cif|mmcif|bcif|pdbqt|mol2|sdf|xyz|mmtf)$", "");
        return base.isBlank() ? "model" : base;
    }
}

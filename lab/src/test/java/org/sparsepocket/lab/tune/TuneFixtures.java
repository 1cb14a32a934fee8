package org.sparsepocket.lab.tune;

import static org.sparsepocket.eval.EvalFixtures.atom;
import static org.sparsepocket.eval.EvalFixtures.ligandOnXAxis;

import java.util.ArrayList;
import java.util.List;
import org.sparsepocket.eval.GroundTruth;
import org.sparsepocket.structure.Atom;

/** Hand-made tuning cases. */
final class TuneFixtures {

    private TuneFixtures() {
    }

    /**
     * A ring of twelve atoms at probability 0.5 around a ligand at the origin, and a decoy 40 Å away: a line
     * of {@code decoyAtoms} atoms at 0.9 (0: the ring alone). Summing ranks the site first while 0.9 × decoyAtoms < 6; the
     * maximum always ranks the decoy first; a threshold above 0.5 loses the site.
     */
    static Tuner.Case siteAndDecoy(String id, int decoyAtoms) {
        List<Atom> atoms = new ArrayList<>();
        List<Float> p = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double a = 2 * Math.PI * i / 12;
            atoms.add(atom("A", i + 1, "ALA", 4 * Math.cos(a), 4 * Math.sin(a), (i % 2) * 1.0));
            p.add(0.5f);
        }
        for (int i = 0; i < decoyAtoms; i++) {
            atoms.add(atom("B", i + 1, "ALA", 40 + i, 0, 0));
            p.add(0.9f);
        }
        float[] probs = new float[p.size()];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = p.get(i);
        }
        return new Tuner.Case(GroundTruth.of(id, atoms, List.of(ligandOnXAxis("LIG", 0))), atoms, probs);
    }
}

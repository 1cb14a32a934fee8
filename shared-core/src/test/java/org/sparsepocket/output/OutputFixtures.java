package org.sparsepocket.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;

/**
 * A small two-chain structure with probabilities given by distance to two "site" points, clustered by
 * the real {@link PocketExtractor}: chain A holds pocket 1 (around the ligand) and chain B pocket 2.
 * Includes an insertion code and a negative residue number so every selection syntax is exercised.
 */
final class OutputFixtures {

    static final double[] SITE_A = {5, 5, 5};
    static final double[] SITE_B = {30, 5, 5};

    private OutputFixtures() {
    }

    static Structure structure() {
        Random rnd = new Random(11);
        List<Atom> atoms = new ArrayList<>();
        int serial = 0;
        String[] names = {"N", "CA", "C", "O", "CB"};
        for (String chain : new String[] {"A", "B"}) {
            double x0 = chain.equals("A") ? 0 : 25;
            for (int res = -1; res < 40; res++) {
                char ins = res == 7 ? 'A' : ' ';
                ResidueId r = new ResidueId(chain, res, ins, res % 3 == 0 ? "SER" : "LEU");
                double cx = x0 + rnd.nextDouble() * 20, cy = rnd.nextDouble() * 20, cz = rnd.nextDouble() * 20;
                for (String n : names) {
                    atoms.add(new Atom(++serial, n, n.substring(0, 1), r,
                            cx + rnd.nextGaussian() * 0.8, cy + rnd.nextGaussian() * 0.8, cz + rnd.nextGaussian() * 0.8, 1, 20));
                }
            }
        }
        ResidueId lig = new ResidueId("A", 501, ' ', "ATP");
        List<Atom> ligAtoms = List.of(
                new Atom(9001, "C1", "C", lig, 5, 5, 5, 1, 30),
                new Atom(9002, "N1", "N", lig, 6.2, 5, 5, 1, 30),
                new Atom(9003, "O1", "O", lig, 5, 6.2, 5, 1, 30));
        return new Structure("1xyz", atoms, List.of(new Ligand(lig, ligAtoms)), List.of("example warning"));
    }

    static float probability(Atom a) {
        double d = Math.min(dist(a, SITE_A), dist(a, SITE_B));
        return (float) Math.max(0.02, 0.95 - d / 10);
    }

    static Prediction prediction(ChainMode mode, PocketSettings settings) {
        Structure s = structure();
        List<Complex> complexes = new ArrayList<>();
        if (mode instanceof ChainMode.EachChain) {
            for (String chain : List.of("A", "B")) {
                complexes.add(new Complex(s.name() + "_" + chain, List.of(chain),
                        s.protein().stream().filter(a -> a.residue().chainId().equals(chain)).toList(),
                        chain.equals("A") ? s.hetGroups() : List.of()));
            }
        } else {
            complexes.add(new Complex(s.name(), List.of("A", "B"), s.protein(), s.hetGroups()));
        }
        PocketExtractor extractor = new PocketExtractor(settings);
        List<ComplexPrediction> out = new ArrayList<>();
        for (Complex c : complexes) {
            float[] p = new float[c.atoms().size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = probability(c.atoms().get(i));
            }
            out.add(new ComplexPrediction(c, p, extractor.extract(c.atoms(), p)));
        }
        return new Prediction(s, out);
    }

    static PredictionReport report() {
        PredictionSettings settings = PredictionSettings.DEFAULT;
        return PredictionReport.of(prediction(settings.chainMode(), settings.pockets()), settings);
    }

    static PredictionReport eachChainReport() {
        PredictionSettings settings = new PredictionSettings(ChainMode.eachChain(), PocketSettings.DEFAULT);
        return PredictionReport.of(prediction(settings.chainMode(), settings.pockets()), settings);
    }

    private static double dist(Atom a, double[] p) {
        double dx = a.x() - p[0], dy = a.y() - p[1], dz = a.z() - p[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}

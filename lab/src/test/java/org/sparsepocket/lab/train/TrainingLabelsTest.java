package org.sparsepocket.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The training labels of a complex whose ligand file names atoms by element alone (Open Babel "UNL"
 * ligands, about half of scPDB) equal the 5 Å rule recomputed directly from the ligand file's heavy-atom
 * records. The training run w050 was featurized before this held and lost ~1/3 of all positives.
 */
class TrainingLabelsTest {

    private static final Path DATA = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
            : Path.of("../../shared/data");

    @Test
    void labelsOfElementNamedLigandFollowTheFiveAngstromRule() throws Exception {
        Path set = DATA.resolve("scpdb995");
        assumeTrue(Files.isRegularFile(set.resolve("1a4i_ligand.pdbqt.gz")), "../shared/data is absent: skipping");
        ComplexFiles files = new ComplexFiles("scpdb995", "1a4i", set.resolve("1a4i_protein.pdbqt.gz"),
                set.resolve("1a4i_ligand.pdbqt.gz"));
        TrainingComplex c = new PdbqtComplexFeaturizer(LabelRule.DEFAULT).featurize(files);
        List<double[]> ligand = heavyAtoms(files.ligand());
        byte[] expected = new byte[c.atomCount()];
        for (int i = 0; i < expected.length; i++) {
            for (double[] a : ligand) {
                double dx = c.xyz()[3 * i] - a[0], dy = c.xyz()[3 * i + 1] - a[1], dz = c.xyz()[3 * i + 2] - a[2];
                if (dx * dx + dy * dy + dz * dz <= 25) {
                    expected[i] = 1;
                    break;
                }
            }
        }
        assertArrayEquals(expected, c.labels());
    }

    /** Heavy-atom coordinates straight from the PDBQT records (AutoDock type in columns 78-79). */
    private static List<double[]> heavyAtoms(Path file) throws Exception {
        List<double[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file))))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (!l.startsWith("ATOM") && !l.startsWith("HETATM")) {
                    continue;
                }
                String type = l.length() > 77 ? l.substring(77).trim() : "";
                if (type.equals("H") || type.equals("HD") || type.equals("HS")) {
                    continue;
                }
                out.add(new double[]{Double.parseDouble(l.substring(30, 38)), Double.parseDouble(l.substring(38, 46)),
                        Double.parseDouble(l.substring(46, 54))});
            }
        }
        return out;
    }
}

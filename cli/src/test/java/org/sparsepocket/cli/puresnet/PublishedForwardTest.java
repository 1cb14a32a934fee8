package org.sparsepocket.cli.puresnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.TestModels;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.FeatureMatrix;
import org.sparsepocket.model.ComplexInput;
import org.sparsepocket.model.FeatureProfile;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;
import org.sparsepocket.sparse.coords.Quantization;
import org.sparsepocket.sparse.coords.VoxelBatch;
import org.sparsepocket.sparse.coords.Voxelization;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.StructureLoader;

/**
 * A checkpoint in the published layout (at 1/8 of the published width, through the same reader, checks
 * and conversion as the real file) gives, through our network, the logits of an independent
 * MinkowskiEngine-rule forward pass on the example protein's 2,966 atoms; the two wrong conversions
 * (offsets not re-ordered; transposed offsets mirrored) are caught.
 */
class PublishedForwardTest {

    private static final NetworkConfig NARROW = NetworkConfig.PUBLISHED.widthScaled(0.125);
    private static final double TOLERANCE = 1e-5;

    @TempDir
    static Path tmp;

    private static Map<String, TorchZipWriter.Tensor> written;
    private static Map<String, CheckpointTensor> read;
    private static double[] xyz;
    private static float[] features;
    private static Map<Long, Double> reference;

    @BeforeAll
    static void writeAndRead() throws Exception {
        written = SyntheticCheckpoint.of(NARROW, 17);
        Path file = tmp.resolve("narrow.pt");
        TorchZipWriter.write(file, written);
        read = TorchCheckpoint.read(file);
        CheckpointImporter.check(read, PublishedLayout.of(NARROW), file);
        List<Atom> atoms = StructureLoader.load(TestModels.example()).protein();
        xyz = new double[3 * atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            xyz[3 * i] = atoms.get(i).x();
            xyz[3 * i + 1] = atoms.get(i).y();
            xyz[3 * i + 2] = atoms.get(i).z();
        }
        features = FeatureProfile.PURESNET_V2.featurize(atoms).matrix().values();
        reference = new MinkowskiReference(written, false).forward(referenceInput(), 4);
    }

    @Test
    void ourLogitsEqualTheMinkowskiRuleReference() {
        double worst = maxDifference(CheckpointImporter.OffsetOrder.MINKOWSKI, reference);
        double spread = reference.values().stream().mapToDouble(Math::abs).max().orElse(0);
        System.out.println("PublishedForwardTest: max |logit| " + spread + ", max |difference| " + worst);
        assertTrue(worst <= TOLERANCE, "max |logit difference| " + worst + " (max |logit| " + spread + ")");
        assertTrue(spread > 0.1, "logits should not be trivially small: " + spread);
    }

    @Test
    void keepingMinkowskiOffsetOrderIsCaught() {
        double worst = maxDifference(CheckpointImporter.OffsetOrder.AS_STORED, reference);
        assertTrue(worst > 1e-2, "offsets copied without re-ordering should change the logits, max difference " + worst);
    }

    @Test
    void mirroredTransposedOffsetsAreCaught() {
        Map<Long, Double> mirrored = new MinkowskiReference(written, true).forward(referenceInput(), 4);
        double worst = maxDifference(CheckpointImporter.OffsetOrder.MINKOWSKI, mirrored);
        assertTrue(worst > 1e-2, "a mirrored transposed convolution should differ, max difference " + worst);
    }

    /** Published quantization, written independently: shift by the minimum, round half to even, first atom. */
    private static Map<Long, double[]> referenceInput() {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < xyz.length; i++) {
            min[i % 3] = Math.min(min[i % 3], xyz[i]);
        }
        Map<Long, double[]> voxels = new HashMap<>();
        for (int a = 0; a < xyz.length / 3; a++) {
            long k = MinkowskiReference.voxel((int) Math.rint(xyz[3 * a] - min[0]), (int) Math.rint(xyz[3 * a + 1] - min[1]),
                    (int) Math.rint(xyz[3 * a + 2] - min[2]));
            if (!voxels.containsKey(k)) {
                double[] f = new double[AtomFeatures.COUNT];
                for (int c = 0; c < f.length; c++) {
                    f[c] = features[a * AtomFeatures.COUNT + c];
                }
                voxels.put(k, f);
            }
        }
        return voxels;
    }

    private static double maxDifference(CheckpointImporter.OffsetOrder order, Map<Long, Double> reference) {
        try (PocketNetwork network = CheckpointImporter.network(read, NARROW, order, Device.cpu())) {
            Voxelization v = network.voxelize(new ComplexInput(xyz, new FeatureMatrix(xyz.length / 3, features)),
                    Quantization.FIRST_ATOM);
            float[] logits;
            try (NDManager step = network.manager().newSubManager()) {
                logits = network.voxelLogits(step, VoxelBatch.of(List.of(v)), false).toFloatArray();
            }
            assertEquals(reference.size(), v.voxelCount(), "voxel count");
            double worst = 0;
            for (int i = 0; i < v.voxelCount(); i++) {
                Double expected = reference.get(MinkowskiReference.voxel(v.cells()[3 * i], v.cells()[3 * i + 1],
                        v.cells()[3 * i + 2]));
                assertTrue(expected != null, "voxel " + i + " missing from the reference");
                worst = Math.max(worst, Math.abs(expected - logits[i]));
            }
            return worst;
        }
    }
}

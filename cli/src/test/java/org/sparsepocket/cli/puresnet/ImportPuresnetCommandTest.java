package org.sparsepocket.cli.puresnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.TestModels;
import org.sparsepocket.cli.SparsePocketCli;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.model.FeatureProfile;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketModel;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.StructureLoader;

/**
 * {@code sparsepocket import-puresnet} end to end on a full-size checkpoint in the published layout
 * (random weights, written as torch.save writes it): the bundle's card, its probabilities against the
 * MinkowskiEngine-rule reference, {@code predict} with it, and one-line refusals of what is not the
 * published checkpoint, each leaving no bundle behind.
 */
class ImportPuresnetCommandTest {

    @TempDir
    static Path tmp;

    private static Map<String, TorchZipWriter.Tensor> state;
    private static Path checkpoint;
    private static Path bundle;
    private static Run imported;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        int code = SparsePocketCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                Map.of("SPARSEPOCKET_CACHE", tmp.resolve("cache").toString()));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void importFullSize() throws Exception {
        state = SyntheticCheckpoint.of(NetworkConfig.PUBLISHED, 5);
        checkpoint = tmp.resolve(CheckpointImporter.PUBLISHED_FILE);     // the published name, space included
        TorchZipWriter.write(checkpoint, state);
        bundle = tmp.resolve("published");
        imported = run("import-puresnet", checkpoint.toString(), "--out", bundle.toString());
    }

    @Test
    void publishedLayoutIsThe308KeysAndParameterCountOfOurNetwork() {
        PublishedLayout layout = PublishedLayout.of(NetworkConfig.PUBLISHED);
        assertEquals(308, layout.keys().size());
        assertEquals(51, layout.keys().stream().filter(k -> k.role() == PublishedLayout.Role.COUNTER).count());
        assertEquals(10_861_601, layout.learnedParameters());
    }

    @Test
    void importWritesABundleWhoseCardNamesSourceLicenceSettingsAndProfile() throws Exception {
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("308 keys checked"), imported.out());
        ModelCard card = ModelCard.read(bundle.resolve("model.json"));
        assertEquals(FeatureProfile.PURESNET_V2, card.featureProfile());
        assertEquals(NetworkConfig.PUBLISHED, card.architecture());
        assertEquals(CheckpointImporter.sha256(checkpoint), card.provenance().get("source_sha256"));
        assertEquals(CheckpointImporter.PUBLISHED_FILE, card.provenance().get("source_file"));
        assertTrue(card.provenance().get("licence").startsWith("MIT"));
        assertEquals(0.34, card.pockets().threshold());
        assertEquals(6.0, card.pockets().eps());
        assertEquals(5, card.pockets().minAtoms());
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().contains(".partial-")));
    }

    @Test
    void importedBundleGivesTheReferenceProbabilities() {
        assertEquals(0, imported.code(), imported.err());
        // a 12 Å ball of the example (full width: the reference forward stays fast on a few hundred atoms)
        List<Atom> all = StructureLoader.load(TestModels.example()).protein();
        Atom centre = all.get(all.size() / 2);
        List<Atom> atoms = all.stream().filter(a -> a.distanceSquared(centre) <= 144).toList();
        double[] xyz = new double[3 * atoms.size()];
        for (int i = 0; i < atoms.size(); i++) {
            xyz[3 * i] = atoms.get(i).x();
            xyz[3 * i + 1] = atoms.get(i).y();
            xyz[3 * i + 2] = atoms.get(i).z();
        }
        float[] features = FeatureProfile.PURESNET_V2.featurize(atoms).matrix().values();
        float[] ours;
        try (PocketModel model = PocketModel.load(bundle)) {
            ours = model.predict(xyz, new org.sparsepocket.features.FeatureMatrix(atoms.size(), features));
        }
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < xyz.length; i++) {
            min[i % 3] = Math.min(min[i % 3], xyz[i]);
        }
        Map<Long, double[]> voxels = new HashMap<>();
        long[] atomVoxel = new long[atoms.size()];
        for (int a = 0; a < atoms.size(); a++) {
            atomVoxel[a] = MinkowskiReference.voxel((int) Math.rint(xyz[3 * a] - min[0]),
                    (int) Math.rint(xyz[3 * a + 1] - min[1]), (int) Math.rint(xyz[3 * a + 2] - min[2]));
            if (!voxels.containsKey(atomVoxel[a])) {
                double[] f = new double[AtomFeatures.COUNT];
                for (int c = 0; c < f.length; c++) {
                    f[c] = features[a * AtomFeatures.COUNT + c];
                }
                voxels.put(atomVoxel[a], f);
            }
        }
        Map<Long, Double> logits = new MinkowskiReference(state, false).forward(voxels, 4);
        double worst = 0;
        for (int a = 0; a < atoms.size(); a++) {
            double p = 1 / (1 + Math.exp(-logits.get(atomVoxel[a])));
            worst = Math.max(worst, Math.abs(p - ours[a]));
        }
        System.out.println("ImportPuresnetCommandTest: " + atoms.size() + " atoms, max |probability difference| " + worst);
        assertTrue(worst <= 1e-5, "max |probability difference| " + worst);
    }

    @Test
    void predictRunsWithTheImportedBundle() throws Exception {
        assertEquals(0, imported.code(), imported.err());
        Path out = tmp.resolve("out");
        Run r = run("predict", TestModels.example().toString(), "--model", bundle.toString(), "--out", out.toString(),
                "--offline");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1fbl: "), r.out());
        assertTrue(Files.isRegularFile(out.resolve("1fbl").resolve("pockets.json")));
    }

    @Test
    void refusesAFileThatIsNotAZip() throws Exception {
        Path text = tmp.resolve("notes.pt");
        Files.writeString(text, "not a checkpoint\n");
        assertRefused(text, text + ": not a PyTorch checkpoint (not a zip file; checkpoints saved by PyTorch"
                + " before 1.6 are not read)");
    }

    @Test
    void refusesATruncatedCheckpoint() throws Exception {
        Path cut = tmp.resolve("cut.pt");
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(cut, cut + ": truncated or damaged zip (zip END header not found)");
    }

    @Test
    void refusesASingleTensor() throws Exception {
        Path one = tmp.resolve("tensor.pt");
        TorchZipWriter.writeTensor(one, TorchZipWriter.Tensor.floats(new float[] {1, 2}, 2));
        assertRefused(one, one + ": holds a single tensor, not a state dict (a dict of tensors, as"
                + " model.state_dict() gives)");
    }

    @Test
    void refusesAnotherWidth() throws Exception {
        Path narrow = tmp.resolve("narrow.pt");
        TorchZipWriter.write(narrow, SyntheticCheckpoint.of(NetworkConfig.PUBLISHED.widthScaled(0.125), 1));
        assertRefused(narrow, narrow + ": not the published PUResNetV2 weights: conv0p1s1.kernel has shape"
                + " (27, 18, 4), expected (27, 18, 32)");
    }

    @Test
    void refusesMissingAndUnexpectedKeys() throws Exception {
        Map<String, TorchZipWriter.Tensor> some = new LinkedHashMap<>();
        state.entrySet().stream().limit(6).forEach(e -> some.put(e.getKey(), e.getValue()));
        Path partial = tmp.resolve("partial.pt");
        TorchZipWriter.write(partial, some);
        assertRefused(partial, partial + ": not the published PUResNetV2 weights: missing conv1p1s2.kernel and 301"
                + " more keys (6 keys, expected 308)");
        some.put("head.weight", TorchZipWriter.Tensor.floats(new float[] {1}, 1));
        Path extra = tmp.resolve("extra.pt");
        TorchZipWriter.write(extra, some);
        assertRefused(extra, extra + ": not the published PUResNetV2 weights: unexpected key head.weight"
                + " (7 keys, expected 308)");
    }

    private static void assertRefused(Path file, String message) {
        Path out = tmp.resolve("refused-" + file.getFileName());
        Run r = run("import-puresnet", file.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("error: " + message + System.lineSeparator(), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(out), "no bundle after a refusal");
    }
}

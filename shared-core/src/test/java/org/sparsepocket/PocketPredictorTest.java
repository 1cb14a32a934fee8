package org.sparsepocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.pockets.PocketExtractor;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/** The facade end to end on the committed fixture model and example structure. */
class PocketPredictorTest {

    private static PocketPredictor predictor;
    /** A threshold that makes the untrained fixture model give several pockets. */
    private static PredictionSettings settings;

    @BeforeAll
    static void open() {
        predictor = PocketPredictor.open(TestModels.fixtureModel());
        Structure s = StructureLoader.load(TestModels.example());
        float[] p = predictor.probabilities(org.sparsepocket.structure.Complexes.split(s, ChainMode.whole()).get(0));
        float[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        settings = new PredictionSettings(ChainMode.whole(), PocketSettings.DEFAULT.withThreshold(sorted[(int) (sorted.length * 0.9)]));
    }

    @AfterAll
    static void close() {
        predictor.close();
    }

    @Test
    void predictsProbabilitiesForEveryAtomAndClustersThem() {
        Structure s = StructureLoader.load(TestModels.example());
        Prediction prediction = predictor.predict(s, settings);
        assertEquals(1, prediction.complexes().size());
        ComplexPrediction c = prediction.complexes().get(0);
        assertEquals(s.protein(), c.complex().atoms());
        float[] p = c.probabilities();
        assertEquals(s.protein().size(), p.length);
        for (float v : p) {
            assertTrue(v >= 0 && v <= 1, "probability " + v);
        }
        List<Pocket> expected = new PocketExtractor(settings.pockets()).extract(c.complex().atoms(), p);
        assertEquals(expected.size(), c.pockets().size());
        assertTrue(c.pockets().size() >= 1, "the top 10% of atoms form at least one pocket");
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k).atomIndices(), c.pockets().get(k).atomIndices());
        }
        assertArrayEquals(p, predictor.probabilities(c.complex()));
    }

    @Test
    void pathBytesAndStructureGiveTheSamePrediction() throws Exception {
        Path file = TestModels.example();
        float[] fromStructure = predictor.predict(StructureLoader.load(file), settings).complexes().get(0).probabilities();
        float[] fromPath = predictor.predict(file, settings).complexes().get(0).probabilities();
        float[] fromBytes = predictor.predict(Files.readAllBytes(file), "1fbl.pdb", settings).complexes().get(0).probabilities();
        assertArrayEquals(fromStructure, fromPath);
        assertArrayEquals(fromStructure, fromBytes);
    }

    @Test
    void eachChainModeGivesOneComplexPerChain() {
        Structure s = StructureLoader.load(TestModels.example());
        long chains = s.protein().stream().map(a -> a.residue().chainId()).distinct().count();
        Prediction p = predictor.predict(s, new PredictionSettings(ChainMode.eachChain(), settings.pockets()));
        assertEquals(chains, p.complexes().size());
        assertEquals(s.protein().size(), p.complexes().stream().mapToInt(c -> c.complex().atoms().size()).sum());
    }

    @Test
    void concurrentCallersShareOneModel() throws Exception {
        Structure s = StructureLoader.load(TestModels.example());
        float[] alone = predictor.predict(s, settings).complexes().get(0).probabilities();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> predictor.predict(s, settings).complexes().get(0).probabilities()));
            }
            for (Future<float[]> f : futures) {
                float[] got = f.get();
                assertEquals(alone.length, got.length);
                for (int i = 0; i < got.length; i++) {
                    assertEquals(alone[i], got[i], 1e-5);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clearErrors(@TempDir Path tmp) {
        PredictionException missing = assertThrows(PredictionException.class,
                () -> PocketPredictor.open(tmp.resolve("no-such-model")));
        assertTrue(missing.getMessage().contains("no-such-model"), missing.getMessage());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        PredictionException empty = assertThrows(PredictionException.class, () -> PocketPredictor.open(tmp));
        assertTrue(empty.getMessage().contains(tmp.toString()) || empty.getMessage().contains("model"), empty.getMessage());

        ResidueId hem = new ResidueId("A", 1, ' ', "HEM");
        Structure onlyLigand = new Structure("ligand-only", List.of(),
                List.of(new org.sparsepocket.structure.Ligand(hem, List.of(new Atom(1, "FE", "Fe", hem, 0, 0, 0, 1, 0)))),
                List.of());
        PredictionException noProtein = assertThrows(PredictionException.class,
                () -> predictor.predict(onlyLigand, settings));
        assertEquals("ligand-only: no protein atoms (only 1 het groups)", noProtein.getMessage());

        PredictionException badFile = assertThrows(PredictionException.class,
                () -> predictor.predict(new byte[] {'h', 'e', 'l', 'l', 'o'}, "junk.pdb", settings));
        assertTrue(badFile.getMessage().startsWith("junk.pdb"), badFile.getMessage());
    }

    @Test
    void closedPredictorFailsClearly() {
        PocketPredictor p = PocketPredictor.open(TestModels.fixtureModel());
        Structure s = StructureLoader.load(TestModels.example());
        p.close();
        PredictionException e = assertThrows(PredictionException.class, () -> p.predict(s, settings));
        assertTrue(e.getMessage().startsWith("1fbl: "), e.getMessage());
    }
}

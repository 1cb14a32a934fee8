package org.sparsepocket.model;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A model saved by format version 1 of this code is committed under
 * {@value #FIXTURE}; every later version must load it and reproduce its recorded predictions.
 * Regenerate only for a deliberate format break, with
 * {@code mvn -o -pl shared-core test -Dtest=FixtureModelTest -Dsparsepocket.writeFixture=true}.
 */
class FixtureModelTest {

    static final String FIXTURE = "/org/sparsepocket/model/fixture-v1/";
    static final String EXPECTED = "expected-probabilities.txt";
    static final int ATOMS = 300;
    static final long INPUT_SEED = 77;

    @Test
    void committedFixtureLoadsAndReproducesItsPredictions() throws IOException {
        float[] expected;
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + EXPECTED)) {
            assertNotNull(in, "fixture missing");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split("\n");
            expected = new float[lines.length];
            for (int i = 0; i < lines.length; i++) {
                expected[i] = Float.parseFloat(lines[i]);
            }
        }
        ComplexInput input = RandomComplexes.ball(ATOMS, INPUT_SEED);
        try (ModelBundle bundle = ModelBundle.loadResource(FIXTURE, Device.cpu());
             PocketModel model = PocketModel.of(bundle.network(), bundle.card())) {
            assertEquals(TinyNetworks.TINY, model.card().architecture());
            assertEquals("fixture", model.card().name());
            float[] actual = model.predict(input.xyz(), input.features());
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < actual.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, "atom " + i);
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "sparsepocket.writeFixture", matches = "true")
    void writeFixture() throws IOException {
        Path dir = Path.of("src/test/resources" + FIXTURE);
        PocketNetwork network = PocketNetwork.create(TinyNetworks.TINY, Device.cpu(), 21);
        TinyNetworks.warmRunningStatistics(network, 22);
        ModelCard card = ModelCard.of("fixture", TinyNetworks.TINY, "test fixture: random weights, no training")
                .withBestF1Threshold(0.5).withProvenance(Map.of("purpose", "format-compatibility fixture", "seed", "21"));
        ModelBundle.save(dir, network, card);
        ComplexInput input = RandomComplexes.ball(ATOMS, INPUT_SEED);
        try (PocketModel model = PocketModel.of(network, card)) {
            float[] p = model.predict(input.xyz(), input.features());
            Files.writeString(dir.resolve(EXPECTED), IntStream.range(0, p.length)
                    .mapToObj(i -> Float.toString(p[i])).collect(Collectors.joining("\n")) + "\n");
        }
    }
}

package org.sparsepocket.lab.bench;

import org.sparsepocket.lab.LabCli;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench} through the CLI: help, usage errors, and a tiny memory-trace run. */
class BenchCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LabCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpDescribesTheBenchmark() {
        Result r = run("bench", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--rss-predictions"), r.out());
    }

    @Test
    void unknownArchitectureIsAUsageError(@TempDir Path dir) {
        Result r = run("bench", "--config", "wide", "--data", dir.toString(), "--skip", "inference,threads,memory,train");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--config"), r.err());
    }

    @Test
    void memoryTraceRunsOnATinyModel(@TempDir Path dir) throws Exception {
        NetworkConfig tiny = new NetworkConfig(18, 4, List.of(4, 4), List.of(1, 1), List.of(4, 4), List.of(1, 1),
                3, 0.0, 1.0);
        try (PocketNetwork network = PocketNetwork.create(tiny, Device.cpu())) {
            ModelBundle.save(dir.resolve("model"), network, ModelCard.of("tiny", tiny, "test"));
        }
        Result r = run("bench", "--model", dir.resolve("model").toString(), "--data", dir.resolve("none").toString(),
                "--skip", "inference,threads,train", "--rss-predictions", "20", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(10, report.getAsJsonObject("memory").getAsJsonArray("rss_mb").size());
        assertTrue(report.get("peak_rss_mb").getAsDouble() > 0);
    }
}

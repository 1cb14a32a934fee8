package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feature-table} through the CLI. */
class FeatureCommandsTest {

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparsePocketCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void featureTableAsJsonListsEveryTemplateWithAtomsBondsAndFeatures() {
        Result r = run("feature-table", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(18, root.getAsJsonArray("featureNames").size());
        var templates = root.getAsJsonArray("templates");
        assertTrue(templates.size() >= 39);
        JsonObject ser = templates.asList().stream().map(e -> e.getAsJsonObject())
                .filter(t -> t.get("code").getAsString().equals("SER")).findFirst().orElseThrow();
        assertEquals(18, ser.getAsJsonObject("features").getAsJsonArray("OG").size());
        assertTrue(ser.getAsJsonArray("bonds").size() > 0);
    }
}

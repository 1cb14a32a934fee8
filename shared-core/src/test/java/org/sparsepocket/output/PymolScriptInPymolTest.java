package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.TestModels;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Complexes;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/**
 * Runs the written .pml in a real, headless PyMOL ({@code pymol -cq}) and checks what it built: the
 * structure object, one selection per pocket holding exactly the atoms of the pocket's residues, pocket
 * colours distinct from the grey rest, a centre sphere per pocket, and no error from any command. Skips
 * where {@code pymol} is not on PATH (CI machines); checked with Debian's pymol 2.5.0.
 */
class PymolScriptInPymolTest {

    /** PyMOL reports failed commands on stdout and still exits 0. */
    private static final Pattern PROBLEM = Pattern.compile("(?i)error|traceback|exception|invalid|unknown command");

    /** Prints what the loaded session holds as one JSON line. */
    private static final String FACTS = """
            import json
            from pymol import cmd
            objects = {}
            for name in cmd.get_names("objects"):
                atoms = []
                cmd.iterate_state(1, name, "atoms.append([index, color, x, y, z, hetatm, elem])", space={"atoms": atoms})
                objects[name] = [[i, list(cmd.get_color_tuple(c)), [x, y, z], h, e] for i, c, x, y, z, h, e in atoms]
            selections = {name: [[m, i] for m, i in cmd.index(name)] for name in cmd.get_names("selections")}
            print("SPFACTS " + json.dumps({"objects": objects, "selections": selections}))
            """;

    @TempDir
    Path tmp;

    @Test
    void realPredictionOf1fblOpensFromAnotherFolderAndShowsEachPocket() throws Exception {
        Path pymol = pymol();
        Prediction prediction;
        try (PocketPredictor predictor = PocketPredictor.open(TestModels.fixtureModel())) {
            Structure s = StructureLoader.load(TestModels.example());
            // The fixture model is untrained: a threshold at its top 10% of atoms gives several pockets.
            float[] p = predictor.probabilities(Complexes.split(s, ChainMode.whole()).get(0));
            float[] sorted = p.clone();
            Arrays.sort(sorted);
            PredictionSettings settings = new PredictionSettings(ChainMode.whole(),
                    PocketSettings.DEFAULT.withThreshold(sorted[(int) (sorted.length * 0.9)]));
            prediction = predictor.predict(s, settings);
        }
        PredictionReport report = PredictionReport.of(prediction, PredictionSettings.DEFAULT);
        assertTrue(report.complexes().get(0).pockets().size() >= 2, "several pockets to tell apart");
        Path folder = new PredictionWriter().write(report, tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        checkSession(report, folder, run(pymol, elsewhere, folder.resolve("1fbl.pml").toAbsolutePath()));
    }

    @Test
    void eachChainFixtureWithInsertionCodeAndNegativeNumberSelectsEveryPocket() throws Exception {
        Path pymol = pymol();
        PredictionReport report = OutputFixtures.eachChainReport();
        assertEquals(2, report.complexes().size());
        Path folder = new PredictionWriter().write(report, tmp);
        // From the output folder itself, as the docs' "pymol <stem>.pml".
        checkSession(report, folder, run(pymol, folder, Path.of("1xyz.pml")));
    }

    @Test
    void stemThatIsASelectionKeywordStillNamesTheStructure() throws Exception {
        Path pymol = pymol();
        PredictionSettings settings = PredictionSettings.DEFAULT;
        PredictionReport report = new PredictionReport(
                OutputFixtures.prediction(settings.chainMode(), settings.pockets()), settings, "model");
        Path folder = new PredictionWriter().write(report, tmp);
        checkSession(report, folder, run(pymol, tmp, folder.resolve("model.pml")));
    }

    @Test
    void checkPmlToolPassesAGoodFolderAndFailsABrokenOne() throws Exception {
        Path pymol = pymol();
        Path tool = Path.of("../tools/check-pml.sh").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(tool), "tools/check-pml.sh not present");
        Path folder = new PredictionWriter().write(OutputFixtures.eachChainReport(), tmp);
        Result good = exec(tmp, pymol, List.of("bash", tool.toString(), folder.toString()));
        assertEquals(0, good.code(), good.output());
        assertTrue(good.output().contains("1xyz_A_pocket1"), good.output());

        // A pocket selection that misses a residue: the tool must notice the count, not just run.
        Path pml = folder.resolve("1xyz.pml");
        String text = Files.readString(pml);
        String broken = text.replaceFirst("(select 1xyz_A_pocket1, [^\\n]*resi )(\\\\?-?\\w+)\\+", "$1");
        assertNotEquals(text, broken);
        Files.writeString(pml, broken);
        Result bad = exec(tmp, pymol, List.of("bash", tool.toString(), folder.toString()));
        assertEquals(1, bad.code(), bad.output());
        assertTrue(bad.output().contains("1xyz_A_pocket1"), bad.output());
    }

    private void checkSession(PredictionReport report, Path folder, String output) throws IOException {
        String log = output.lines().filter(l -> !l.startsWith("SPFACTS ")).collect(Collectors.joining("\n"));
        for (String line : log.lines().toList()) {
            assertTrue(!PROBLEM.matcher(line).find(), "PyMOL reported: " + line + "\n" + log);
        }
        String factsLine = output.lines().filter(l -> l.startsWith("SPFACTS ")).findFirst()
                .orElseThrow(() -> new AssertionError("no facts printed:\n" + output));
        JsonObject facts = JsonParser.parseString(factsLine.substring(8)).getAsJsonObject();
        JsonObject objects = facts.getAsJsonObject("objects");
        JsonObject selections = facts.getAsJsonObject("selections");

        String obj = PymolScript.objectName(report.stem());
        assertTrue(objects.has(obj), "object " + obj + " in " + objects.keySet());
        long pdbAtoms = Files.readAllLines(folder.resolve(report.probabilitiesPdb())).stream()
                .filter(l -> l.startsWith("ATOM") || l.startsWith("HETATM")).count();
        Map<Integer, double[]> colour = new HashMap<>();
        Map<Integer, String> ligandElement = new HashMap<>();
        for (JsonElement a : objects.getAsJsonArray(obj)) {
            JsonArray atom = a.getAsJsonArray();
            colour.put(atom.get(0).getAsInt(), doubles(atom.get(1).getAsJsonArray()));
            if (atom.get(3).getAsInt() != 0) {
                ligandElement.put(atom.get(0).getAsInt(), atom.get(4).getAsString());
            }
        }
        assertEquals(pdbAtoms, colour.size(), "atoms loaded");

        List<PocketSelections.Entry> entries = PocketSelections.of(report).entries();
        Map<String, ComplexPrediction> complexOf = new HashMap<>();   // entries run over complexes, then pockets
        for (ComplexPrediction c : report.complexes()) {
            for (int k = 0; k < c.pockets().size(); k++) {
                complexOf.put(entries.get(complexOf.size()).name(), c);
            }
        }
        assertEquals(entries.size(), complexOf.size());
        Set<String> names = selections.keySet();
        assertEquals(complexOf.keySet(), names, "one selection per pocket");

        Set<Integer> inLater = new HashSet<>();
        Set<List<Double>> pocketColours = new HashSet<>();
        for (int k = entries.size() - 1; k >= 0; k--) {
            PocketSelections.Entry e = entries.get(k);
            ComplexPrediction c = complexOf.get(e.name());
            Set<Integer> members = new HashSet<>();
            for (JsonElement m : selections.getAsJsonArray(e.name())) {
                assertEquals(obj, m.getAsJsonArray().get(0).getAsString(), e.name());
                members.add(m.getAsJsonArray().get(1).getAsInt());
            }
            // Whole residues: every atom of every pocket residue, and nothing else.
            long expected = c.complex().atoms().stream().filter(a -> e.pocket().residues().contains(a.residue())).count();
            assertEquals(expected, members.size(), e.name() + " atom count");
            assertTrue(members.size() >= e.pocket().atomIndices().length, e.name());

            double[] rgb = PocketColors.fractions(e.rgb());
            for (int i : members) {
                if (!inLater.contains(i)) {   // a residue shared by two pockets shows the later one's colour
                    assertArrayEquals(rgb, colour.get(i), 0.002, e.name() + " atom " + i);
                }
            }
            inLater.addAll(members);
            pocketColours.add(Arrays.stream(rgb).boxed().toList());

            JsonArray centre = objects.getAsJsonArray(e.name() + "_center");
            assertEquals(1, centre.size(), e.name() + "_center");
            assertArrayEquals(rgb, doubles(centre.get(0).getAsJsonArray().get(1).getAsJsonArray()), 0.002);
            double[] xyz = doubles(centre.get(0).getAsJsonArray().get(2).getAsJsonArray());
            assertArrayEquals(new double[] {e.pocket().center().x(), e.pocket().center().y(), e.pocket().center().z()},
                    xyz, 0.002, e.name() + " centre");
        }
        assertEquals(Math.min(entries.size(), PocketColors.DISTINCT), pocketColours.size(), "a distinct colour per pocket");
        double[] grey = PocketColors.fractions(PocketColors.BACKGROUND);
        assertTrue(pocketColours.stream().noneMatch(c -> c.equals(Arrays.stream(grey).boxed().toList())));
        int rest = 0;
        double[] ligandCarbon = PocketColors.fractions(PocketColors.LIGAND_CARBON);
        for (var atom : colour.entrySet()) {
            String element = ligandElement.get(atom.getKey());
            if (element != null) {
                // The bound ligand in element colours, never the background grey.
                if (element.equals("C")) {
                    assertArrayEquals(ligandCarbon, atom.getValue(), 0.002, "ligand carbon " + atom.getKey());
                } else {
                    assertFalse(Arrays.equals(grey, atom.getValue()), "ligand " + element + " " + atom.getKey());
                }
            } else if (!inLater.contains(atom.getKey())) {
                assertArrayEquals(grey, atom.getValue(), 0.002, "atom " + atom.getKey() + " outside every pocket");
                rest++;
            }
        }
        assertTrue(rest > 0, "atoms outside the pockets");
    }

    private String run(Path pymol, Path workingDir, Path pml) throws Exception {
        Path facts = Files.writeString(tmp.resolve("facts.py"), FACTS, StandardCharsets.UTF_8);
        Result r = exec(workingDir, pymol, List.of(pymol.toString(), "-cq", pml.toString(), facts.toString()));
        assertEquals(0, r.code(), r.output());
        return r.output();
    }

    private record Result(int code, String output) {
    }

    private static Result exec(Path workingDir, Path pymol, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        // Debian's pymol wrapper runs the first python3 on PATH; the one beside it has the pymol module
        // (a pyenv or venv python3 earlier on PATH does not).
        pb.environment().put("PATH", pymol.getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
        Path log = Files.createTempFile("pymol", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("PyMOL did not finish in 60 s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path pymol() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir).resolve("pymol");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        Assumptions.abort("pymol is not on PATH: the .pml is not opened in PyMOL (apt-get install pymol to run this check)");
        return null;
    }

    private static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }
}

package org.sparsepocket.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ResidueId;

class OutputFormatsTest {

    @TempDir
    Path out;

    private Path writeAll(PredictionReport report) throws IOException {
        return new PredictionWriter().write(report, out);
    }

    @Test
    void writesEveryFileIntoItsOwnFolder() throws IOException {
        PredictionReport r = OutputFixtures.report();
        Path folder = writeAll(r);
        assertEquals(out.resolve("1xyz"), folder);
        Set<String> expected = new HashSet<>(List.of("pockets.csv", "pockets.json", "residues.csv",
                "1xyz_probabilities.pdb", "1xyz.pml", "1xyz.cxc", "1xyz.spt", "1xyz.html"));
        List<Pocket> pockets = r.complexes().get(0).pockets();
        assertTrue(pockets.size() >= 2, "fixture has several pockets");
        for (Pocket p : pockets) {
            expected.add("1xyz_pocket" + p.rank() + ".pdb");
            expected.add("1xyz_pocket" + p.rank() + "_vina.txt");
            expected.add("1xyz_pocket" + p.rank() + "_plants.txt");
        }
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(expected, s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(folder), s.toList(), "no staging folders left behind");
        }
    }

    @Test
    void pocketsCsvHasTheHeaderAndOneRowPerPocket() throws IOException {
        PredictionReport r = OutputFixtures.report();
        List<String> lines = Files.readAllLines(writeAll(r).resolve(PocketCsv.FILE));
        assertEquals(String.join(",", PocketCsv.HEADER), lines.get(0));
        List<Pocket> pockets = r.complexes().get(0).pockets();
        assertEquals(pockets.size() + 1, lines.size());
        for (int k = 0; k < pockets.size(); k++) {
            String[] f = lines.get(k + 1).split(",", -1);
            assertEquals(PocketCsv.HEADER.size(), f.length);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < f.length; c++) {
                row.put(PocketCsv.HEADER.get(c), f[c]);
            }
            Pocket p = pockets.get(k);
            assertEquals("1xyz", row.get("structure"));
            assertEquals(p.rank(), Integer.parseInt(row.get("rank")));
            assertEquals(p.score(), Double.parseDouble(row.get("score")), 1e-4);
            assertEquals(p.center().x(), Double.parseDouble(row.get("center_x")), 1e-3);
            assertEquals(p.box().sizeZ(), Double.parseDouble(row.get("box_size_z")), 1e-3);
            assertEquals(p.radius(), Double.parseDouble(row.get("radius")), 1e-3);
            assertEquals(p.atoms().size(), Integer.parseInt(row.get("atom_count")));
            assertEquals(p.residues().stream().map(ResidueId::label).toList(), List.of(row.get("residues").split(" ")));
        }
    }

    @Test
    void pocketsJsonParsesWithGsonAndCarriesTheSchema() throws IOException {
        PredictionReport r = OutputFixtures.eachChainReport();
        String text = Files.readString(writeAll(r).resolve(PocketJson.FILE));
        JsonObject root = JsonParser.parseString(text).getAsJsonObject();
        assertEquals(PocketJson.SCHEMA, root.get("schema").getAsString());
        assertEquals(1, root.get("schemaVersion").getAsInt());
        assertEquals("each-chain", root.getAsJsonObject("settings").get("chainMode").getAsString());
        assertEquals("sum", root.getAsJsonObject("settings").get("scorer").getAsString());
        assertEquals(0.34, root.getAsJsonObject("settings").get("threshold").getAsDouble(), 1e-12);
        assertEquals("example warning", root.getAsJsonArray("warnings").get(0).getAsString());
        JsonArray complexes = root.getAsJsonArray("complexes");
        assertEquals(2, complexes.size());
        assertEquals("1xyz_A", complexes.get(0).getAsJsonObject().get("name").getAsString());
        JsonArray pockets = root.getAsJsonArray("pockets");
        int total = r.complexes().stream().mapToInt(c -> c.pockets().size()).sum();
        assertEquals(total, pockets.size());
        int k = 0;
        for (ComplexPrediction c : r.complexes()) {
            for (Pocket p : c.pockets()) {
                JsonObject o = pockets.get(k++).getAsJsonObject();
                assertEquals(c.complex().name(), o.get("complex").getAsString());
                assertEquals(p.rank(), o.get("rank").getAsInt());
                assertEquals(p.meanProbability(), o.get("meanProbability").getAsDouble(), 1e-4);
                assertEquals(p.center().y(), o.getAsJsonArray("center").get(1).getAsDouble(), 1e-3);
                assertEquals(p.box().sizeX(), o.getAsJsonObject("box").getAsJsonArray("size").get(0).getAsDouble(), 1e-3);
                assertEquals(p.atoms().size(), o.get("atomCount").getAsInt());
                assertEquals(p.residues().size(), o.getAsJsonArray("residues").size());
            }
        }
    }

    @Test
    void residuesCsvListsEveryResidueOnceWithItsPocket() throws IOException {
        PredictionReport r = OutputFixtures.report();
        List<String> lines = Files.readAllLines(writeAll(r).resolve(ResidueCsv.FILE));
        assertEquals(String.join(",", ResidueCsv.HEADER), lines.get(0));
        ComplexPrediction c = r.complexes().get(0);
        Set<ResidueId> all = c.complex().atoms().stream().map(Atom::residue).collect(Collectors.toSet());
        assertEquals(all.size() + 1, lines.size());
        Map<String, Integer> bestRank = new HashMap<>();
        for (Pocket p : c.pockets()) {
            for (ResidueId res : p.residues()) {
                bestRank.merge(res.label(), p.rank(), Math::min);
            }
        }
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(ResidueCsv.HEADER.size(), f.length);
            assertTrue(seen.add(f[6]), "unique residue " + f[6]);
            String rank = f[10];
            assertEquals(bestRank.containsKey(f[6]) ? bestRank.get(f[6]).toString() : "", rank, f[6]);
            double max = Double.parseDouble(f[8]), mean = Double.parseDouble(f[9]);
            assertTrue(mean <= max + 1e-9 && max <= 1 && mean >= 0);
        }
        assertTrue(seen.contains("A:LEU7A"), "insertion code kept");
        assertTrue(lines.stream().anyMatch(l -> l.contains(",7,A,LEU,A:LEU7A,")));
    }

    @Test
    void probabilitiesRoundTripThroughTheBFactorColumn() throws IOException {
        PredictionReport r = OutputFixtures.report();
        List<String> lines = Files.readAllLines(writeAll(r).resolve(r.probabilitiesPdb()));
        ComplexPrediction c = r.complexes().get(0);
        float[] p = c.probabilities();
        List<String> atomLines = lines.stream().filter(l -> l.startsWith("ATOM  ")).toList();
        List<String> hetLines = lines.stream().filter(l -> l.startsWith("HETATM")).toList();
        assertEquals(c.complex().atoms().size(), atomLines.size());
        assertEquals(3, hetLines.size());
        for (int i = 0; i < atomLines.size(); i++) {
            String l = atomLines.get(i);
            assertEquals(80, l.length(), "fixed-width record: " + l);
            Atom a = c.complex().atoms().get(i);
            assertEquals(p[i], Double.parseDouble(l.substring(60, 66)), 0.005 + 1e-9);
            assertEquals(a.x(), Double.parseDouble(l.substring(30, 38)), 5e-4 + 1e-9);
            assertEquals(a.z(), Double.parseDouble(l.substring(46, 54)), 5e-4 + 1e-9);
            assertEquals(a.name(), l.substring(12, 16).trim());
            assertEquals(a.residue().name(), l.substring(17, 20).trim());
            assertEquals(a.residue().chainId(), l.substring(21, 22));
            assertEquals(a.residue().number(), Integer.parseInt(l.substring(22, 26).trim()));
            assertEquals(a.residue().insertionCode(), l.charAt(26));
            assertEquals(a.element(), l.substring(76, 78).trim());
        }
        assertEquals("ATP", hetLines.get(0).substring(17, 20));
        assertEquals(0.0, Double.parseDouble(hetLines.get(0).substring(60, 66)));
        assertEquals("END", lines.get(lines.size() - 1));
    }

    @Test
    void pocketPdbsHoldExactlyThePocketAtoms() throws IOException {
        PredictionReport r = OutputFixtures.report();
        Path folder = writeAll(r);
        ComplexPrediction c = r.complexes().get(0);
        for (Pocket p : c.pockets()) {
            List<String> atomLines = Files.readAllLines(folder.resolve(r.pocketPdb(c, p))).stream()
                    .filter(l -> l.startsWith("ATOM  ")).toList();
            assertEquals(p.atoms().size(), atomLines.size());
            for (int k = 0; k < atomLines.size(); k++) {
                assertEquals(p.atoms().get(k).serial(), Integer.parseInt(atomLines.get(k).substring(6, 11).trim()));
                assertTrue(Double.parseDouble(atomLines.get(k).substring(60, 66)) >= 0.34 - 0.005);
            }
        }
    }

    @Test
    void dockingConfigsMatchTheBoxAndRadius() throws IOException {
        PredictionReport r = OutputFixtures.report();
        Path folder = writeAll(r);
        ComplexPrediction c = r.complexes().get(0);
        for (Pocket p : c.pockets()) {
            Map<String, Double> vina = new HashMap<>();
            for (String line : Files.readAllLines(folder.resolve(r.vinaConfig(c, p)))) {
                String[] kv = line.split("=");
                assertEquals(2, kv.length, line);
                vina.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            }
            assertEquals(Set.of("center_x", "center_y", "center_z", "size_x", "size_y", "size_z"), vina.keySet());
            assertEquals(p.box().center().x(), vina.get("center_x"), 1e-3);
            assertEquals(p.box().sizeY(), vina.get("size_y"), 1e-3);
            List<String> plants = Files.readAllLines(folder.resolve(r.plantsConfig(c, p)));
            assertTrue(plants.get(0).startsWith("bindingsite_center "));
            String[] rad = plants.get(1).split(" ");
            assertEquals("bindingsite_radius", rad[0]);
            assertEquals(p.radius(), Double.parseDouble(rad[1]), 1e-3);
        }
    }

    private static final Set<String> PYMOL_COMMANDS = Set.of(
            "hide", "show", "set", "color", "set_color", "select", "pseudoatom", "deselect", "zoom");

    @Test
    void pymolScriptUsesValidCommandsAndSelectsEachPocketsResidues() throws IOException {
        PredictionReport r = OutputFixtures.report();
        Path folder = writeAll(r);
        List<String> lines = Files.readAllLines(folder.resolve("1xyz.pml"));
        Pattern selectLine = Pattern.compile("select (\\w+), 1xyz and \\(\\(chain (\\w) and resi ([-\\\\0-9A-Z+]+)\\)\\)");
        Pattern setColor = Pattern.compile("set_color \\w+, \\[[01]\\.\\d{3}, [01]\\.\\d{3}, [01]\\.\\d{3}]");
        Map<String, String> selections = new HashMap<>();
        Set<String> colours = new HashSet<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("/")) {   // the one Python line: loads the PDB found next to the script
                assertEquals("/import os; cmd.load(os.path.join(os.path.dirname(__script__), "
                        + "\"1xyz_probabilities.pdb\"), \"1xyz\")", line);
                assertTrue(Files.isRegularFile(folder.resolve("1xyz_probabilities.pdb")));
                continue;
            }
            String cmd = line.split("[ ,]")[0];
            assertTrue(PYMOL_COMMANDS.contains(cmd), "PyMOL command: " + line);
            if (cmd.equals("set_color")) {
                assertTrue(setColor.matcher(line).matches(), line);
                if (line.startsWith("set_color sp_background,")) {
                    assertEquals("set_color sp_background, [0.784, 0.784, 0.784]", line, "#C8C8C8 as in Jmol and ChimeraX");
                } else if (line.startsWith("set_color sp_ligand_carbon,")) {
                    assertEquals("set_color sp_ligand_carbon, [0.565, 0.565, 0.565]", line, "Jmol's CPK carbon #909090");
                } else {
                    colours.add(line.substring(line.indexOf('[')));
                }
            }
            if (cmd.equals("select")) {
                var m = selectLine.matcher(line);
                assertTrue(m.matches(), line);
                selections.put(m.group(1), m.group(2) + ":" + m.group(3));
            }
            assertEquals(count(line, '('), count(line, ')'), line);
            assertEquals(count(line, '['), count(line, ']'), line);
        }
        List<Pocket> pockets = r.complexes().get(0).pockets();
        assertEquals(pockets.size(), selections.size());
        assertEquals(pockets.size(), colours.size(), "a distinct colour per pocket");
        for (Pocket p : pockets) {
            String sel = selections.get("pocket" + p.rank());
            String chain = p.residues().get(0).chainId();
            String resi = p.residues().stream().map(x -> PocketSelections.number(x).replace("-", "\\-"))
                    .collect(Collectors.joining("+"));
            assertEquals(chain + ":" + resi, sel);
        }
    }

    @Test
    void pymolObjectOfAStemThatMayBeASelectionKeywordGetsAnUnderscore() {
        // PyMOL renames an object called "model" to "model_" on load; the script must use that name.
        assertEquals("model_", PymolScript.objectName("model"));
        assertEquals("x_", PymolScript.objectName("x"));
        assertEquals("1fbl", PymolScript.objectName("1fbl"));
        assertEquals("my-model2", PymolScript.objectName("my-model2"));
        PredictionSettings settings = PredictionSettings.DEFAULT;
        String pml = PymolScript.text(new PredictionReport(
                OutputFixtures.prediction(settings.chainMode(), settings.pockets()), settings, "model"));
        assertTrue(pml.contains("\"model_probabilities.pdb\"), \"model_\")"), pml);
        assertTrue(pml.contains("select pocket1, model_ and ("), pml);
        assertTrue(pml.contains("zoom model_\n"), pml);
    }

    @Test
    void chimeraxScriptUsesValidCommands() throws IOException {
        PredictionReport r = OutputFixtures.report();
        Path folder = writeAll(r);
        Set<String> commands = Set.of("open", "hide", "cartoon", "color", "show", "marker", "view");
        Pattern colourSpec = Pattern.compile("color (/[A-Z]:[-0-9A-Z,]+ ?)+ #[0-9a-f]{6}");
        int colourLines = 0;
        for (String line : Files.readAllLines(folder.resolve("1xyz.cxc"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String cmd = line.split(" ")[0];
            assertTrue(commands.contains(cmd), line);
            if (cmd.equals("open")) {
                assertTrue(Files.isRegularFile(folder.resolve(line.substring(5))), line);
            }
            if (cmd.equals("color") && line.contains("/")) {
                assertTrue(colourSpec.matcher(line).matches(), line);
                colourLines++;
            }
        }
        assertEquals(r.complexes().get(0).pockets().size(), colourLines);
    }

    @Test
    void eachChainModeNamesAndColoursPocketsPerComplex() throws IOException {
        PredictionReport r = OutputFixtures.eachChainReport();
        Path folder = writeAll(r);
        for (ComplexPrediction c : r.complexes()) {
            for (Pocket p : c.pockets()) {
                assertTrue(Files.isRegularFile(folder.resolve(c.complex().name() + "_pocket" + p.rank() + ".pdb")));
            }
        }
        String pml = Files.readString(folder.resolve("1xyz.pml"));
        assertTrue(pml.contains("select 1xyz_A_pocket1,"), pml);
        assertTrue(pml.contains("select 1xyz_B_pocket1,"), pml);
        List<String> setColours = Arrays.stream(pml.split("\n")).filter(l -> l.startsWith("set_color")).toList();
        assertEquals(setColours.size(), setColours.stream().map(l -> l.substring(l.indexOf('['))).distinct().count());
        // the probabilities PDB holds both chains
        long atoms = Files.readAllLines(folder.resolve("1xyz_probabilities.pdb")).stream().filter(l -> l.startsWith("ATOM")).count();
        assertEquals(r.complexes().stream().mapToInt(c -> c.complex().atoms().size()).sum(), atoms);
    }

    @Test
    void oneCaseForEveryFileNameInAFolder() throws IOException {
        // Before: "1XYZ.pml" beside "1xyz_A_pocket1.pdb" when the stem's case differed from the structure's
        // name (a PDB ID given as 2W83 is written as 2w83). Stem "1XYZ" for the structure "1xyz" here.
        PredictionReport lower = OutputFixtures.eachChainReport();
        PredictionReport r = new PredictionReport(lower.prediction(), lower.settings(), "1XYZ");
        Path folder = new PredictionWriter().write(r, out);
        List<String> names;
        try (var s = Files.list(folder)) {
            names = s.map(f -> f.getFileName().toString()).filter(n -> n.contains("xyz") || n.contains("XYZ")).sorted().toList();
        }
        assertTrue(names.contains("1XYZ_A_pocket1.pdb") && names.contains("1XYZ_B_pocket1_vina.txt"), names.toString());
        assertTrue(names.stream().allMatch(n -> n.startsWith("1XYZ")), names.toString());
        assertTrue(Files.readString(folder.resolve("1XYZ.pml")).contains("select 1XYZ_A_pocket1,"));
    }

    @Test
    void summaryTableShowsEveryPocket() {
        PredictionReport r = OutputFixtures.report();
        String table = SummaryTable.render(r);
        List<String> rows = new ArrayList<>(Arrays.asList(table.split("\n")));
        assertTrue(rows.get(0).startsWith("1xyz: "), table);
        assertTrue(rows.get(1).contains("rank") && rows.get(1).contains("top residues"), table);
        List<Pocket> pockets = r.complexes().get(0).pockets();
        assertEquals(pockets.size() + 2, rows.size(), table);
        for (Pocket p : pockets) {
            String row = rows.get(p.rank() + 1);
            assertEquals(p.rank(), Integer.parseInt(row.trim().split(" +")[0]));
            assertTrue(row.contains(p.residues().get(0).chainId() + ":"), row);
        }
        assertNotEquals(-1, table.indexOf("pockets"));
    }

    @Test
    void summaryTableNamesTheOrientationsOfTheAccurateMode() {
        PredictionReport r = OutputFixtures.report();
        assertFalse(SummaryTable.render(r).contains("orientations"), "one orientation: nothing to say");
        PredictionReport accurate = new PredictionReport(r.prediction(), r.settings().withRotations(8), r.stem());
        String first = SummaryTable.render(accurate).split("\n")[0];
        assertTrue(first.startsWith("1xyz: ") && first.endsWith("(probabilities averaged over 8 orientations)"), first);
    }

    @Test
    void fileStemsAreSafe() {
        assertEquals("1abc", PredictionReport.fileStem("1abc"));
        assertEquals("my_protein_A", PredictionReport.fileStem("my protein/A"));
        assertEquals("_.hidden", PredictionReport.fileStem(".hidden"));
        assertEquals("_", PredictionReport.fileStem(""));
        assertFalse(PredictionReport.fileStem("a:b*c").contains(":"));
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}

package org.sparsepocket.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.cli.SparsePocketCli;
import org.sparsepocket.output.PocketCsv;

/**
 * The job on an embedded {@code local[2]} Spark against {@code sparsepocket predict} on the same eleven
 * inputs (the bundled 1fbl, gzipped, and eight cut-outs of it, plus one file that is no structure): the
 * same pockets (ranks, scores and centres within 1e-3) and the CLI's error line as the one errors row,
 * and a rerun that refuses to overwrite; then a list file against the CLI on the same list.
 */
class PocketJobLocalTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;
    static Path inputs;
    static Path cliOut;
    static String cliError;

    @BeforeAll
    static void predictWithTheCli() throws IOException {
        inputs = Files.createDirectories(tmp.resolve("in"));
        List<String> lines = Files.readAllLines(Path.of("../examples/1fbl.pdb"), StandardCharsets.ISO_8859_1);
        Files.write(inputs.resolve("1fbl.pdb"), lines, StandardCharsets.ISO_8859_1);
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(inputs.resolve("1fbl_copy.pdb.gz")))) {
            gz.write(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
        }
        // Eight different proteins for the batch: 1fbl's residues from 100 + 20 k to 300 + 20 k.
        for (int k = 0; k < 8; k++) {
            int from = 100 + 20 * k;
            int to = 300 + 20 * k;
            List<String> cut = lines.stream().filter(l -> !l.startsWith("ATOM") && !l.startsWith("HETATM")
                    && !l.startsWith("ANISOU") && !l.startsWith("TER") || l.startsWith("ATOM")
                    && inRange(l, from, to)).toList();
            Files.write(inputs.resolve("cut" + k + ".pdb"), cut, StandardCharsets.ISO_8859_1);
        }
        Files.writeString(inputs.resolve("broken.pdb"), "this is not a structure\n");

        cliOut = tmp.resolve("cli");
        StringWriter err = new StringWriter();
        int code = SparsePocketCli.run(new String[] {"predict", inputs.toString(), "--out", cliOut.toString(), "-q"},
                new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of());
        assertEquals(1, code, "the CLI reports the broken file: " + err);
        List<String> errors = err.toString().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), err.toString());
        cliError = errors.get(0).substring("error: ".length());

        spark = SparkSession.builder().master("local[2]").appName("test").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static boolean inRange(String atomLine, int from, int to) {
        int number = Integer.parseInt(atomLine.substring(22, 26).strip());
        return number >= from && number < to;
    }

    @Test
    void folderOfStructuresGivesTheClisPocketsAndErrorLine() throws IOException {
        Path out = tmp.resolve("files");
        Run r = job(inputs.toString(), out.toString(), "--master", "local[2]");
        assertEquals(0, r.code, r.err);
        List<String> stems = List.of("1fbl", "1fbl_copy", "cut0", "cut1", "cut2", "cut3", "cut4", "cut5", "cut6", "cut7");
        int cliPockets = assertSamePockets(out, cliOut, stems);
        assertEquals("10 of 11 inputs predicted, " + cliPockets + " pockets, 1 errors", r.out.strip());

        List<Row> errors = spark.read().parquet(out.resolve("errors").toString()).collectAsList();
        assertEquals(1, errors.size());
        assertEquals(inputs.resolve("broken.pdb").toString(), errors.get(0).getString(0));
        assertEquals(cliError, errors.get(0).getString(1));

        long residues = spark.read().parquet(out.resolve("residues").toString())
                .filter("input like '%/1fbl.pdb'").count();
        long cliResidues = Files.readAllLines(cliOut.resolve("1fbl").resolve("residues.csv")).size() - 1;
        assertEquals(cliResidues, residues, "residues.csv rows of 1fbl");

        Run again = job(inputs.toString(), out.toString(), "--master", "local[2]");
        assertEquals(1, again.code);
        assertEquals("error: " + out + ": already exists (--overwrite replaces it)", again.err.strip());
    }

    @Test
    void listOfLocationsGivesTheClisPocketsAndErrorLines() throws IOException {
        // A relative path (to the list's folder, as the CLI reads lists), an absolute one, the broken file
        // and a missing one; comments and blank lines are skipped.
        Path list = Files.write(Files.createDirectories(tmp.resolve("lists")).resolve("inputs.txt"), List.of(
                "# two structures, a broken file and a missing one", "", "../in/1fbl.pdb",
                inputs.resolve("cut3.pdb").toString(), "../in/broken.pdb", "../in/missing.pdb"));
        StringWriter cliErr = new StringWriter();
        Path cliListOut = tmp.resolve("cli-list");
        SparsePocketCli.run(new String[] {"predict", list.toString(), "--out", cliListOut.toString(), "-q"},
                new PrintWriter(new StringWriter()), new PrintWriter(cliErr), Map.of());
        List<String> cliErrors = cliErr.toString().lines().filter(l -> l.startsWith("error: "))
                .map(l -> l.substring("error: ".length())).sorted().toList();
        assertEquals(2, cliErrors.size(), cliErr.toString());

        Path out = tmp.resolve("list");
        Run r = job(list.toString(), out.toString(), "--master", "local[2]");
        assertEquals(0, r.code, r.err);
        int pockets = assertSamePockets(out, cliListOut, List.of("1fbl", "cut3"));
        assertEquals("2 of 4 inputs predicted, " + pockets + " pockets, 2 errors", r.out.strip());
        List<Row> errors = spark.read().parquet(out.resolve("errors").toString()).collectAsList();
        assertEquals(cliErrors, errors.stream().map(e -> e.getString(1)).sorted().toList());

        Run again = job(list.toString(), out.toString(), "--master", "local[2]", "--overwrite");
        assertEquals(0, again.code, again.err);
        assertEquals(r.out, again.out);
        assertEquals(pockets, spark.read().parquet(out.resolve("pockets").toString()).count(), "replaced, not appended");
    }

    /** Every input's pockets equal the CLI's pockets.csv; returns the number of pockets. */
    private static int assertSamePockets(Path out, Path cliOut, List<String> stems) throws IOException {
        Map<String, List<Row>> byInput = new TreeMap<>();
        for (Row row : spark.read().parquet(out.resolve("pockets").toString()).collectAsList()) {
            byInput.computeIfAbsent(row.getString(0), k -> new ArrayList<>()).add(row);
        }
        int total = 0;
        try (var folders = Files.list(cliOut)) {
            // folders only: a batch also writes index.html beside them
            assertEquals(stems, folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .toList(), "CLI output folders");
        }
        for (String stem : stems) {
            List<String> csv = Files.readAllLines(cliOut.resolve(stem).resolve(PocketCsv.FILE));
            assertEquals(String.join(",", PocketCsv.HEADER), csv.get(0));
            String input = byInput.keySet().stream().filter(k -> Path.of(k).getFileName().toString().startsWith(stem + "."))
                    .findFirst().orElse(null);
            List<Row> rows = input == null ? List.of() : new ArrayList<>(byInput.get(input));
            rows.sort(Comparator.comparingInt(r -> r.getInt(3)));
            assertEquals(csv.size() - 1, rows.size(), stem + ": pockets");
            for (int i = 0; i < rows.size(); i++) {
                String[] f = csv.get(i + 1).split(",", -1);
                Row r = rows.get(i);
                assertEquals(f[0], r.getString(1), stem + " structure");
                assertEquals(f[1], r.getString(2), stem + " complex");
                assertEquals(Integer.parseInt(f[2]), r.getInt(3), stem + " rank");
                assertEquals(Double.parseDouble(f[3]), r.getDouble(4), 1e-3, stem + " score");
                for (int c = 6; c <= 8; c++) {
                    assertEquals(Double.parseDouble(f[c]), r.getDouble(c + 1), 1e-3, stem + " " + PocketCsv.HEADER.get(c));
                }
                assertEquals(f[18], r.getString(19), stem + " residues");
            }
            total += rows.size();
        }
        assertTrue(total >= stems.size(), "pockets found: " + total);
        assertFalse(byInput.keySet().stream().anyMatch(k -> k.contains("broken")), "no pockets for the broken file");
        return total;
    }

    record Run(int code, String out, String err) {
    }

    private static Run job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PocketJob.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}

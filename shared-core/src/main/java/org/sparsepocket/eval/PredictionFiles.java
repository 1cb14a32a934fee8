package org.sparsepocket.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** File helpers shared by the prediction readers: gz-transparent line reading and name matching. */
final class PredictionFiles {

    private PredictionFiles() {
    }

    static List<String> readLines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
            return lines;
        } catch (IOException e) {
            throw new EvaluationException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Entries of {@code dir} whose name is {@code id} followed by a non-alphanumeric character (so
     * "1abc" matches "1abc_out" and "1abc.pdb_predictions.csv" but not "1abcd_out"), in name order.
     */
    static List<Path> entriesFor(Path dir, String id, Predicate<Path> accept) {
        if (!Files.isDirectory(dir)) {
            throw new EvaluationException(dir + ": predictions folder does not exist");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(id) && (name.length() == id.length()
                        || !Character.isLetterOrDigit(name.charAt(id.length())));
            }).filter(accept).sorted().toList();
        } catch (IOException e) {
            throw new EvaluationException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
    }

    /** The single best match, preferring the shortest name (the plainest form of the id). */
    static Optional<Path> shortest(List<Path> candidates) {
        return candidates.stream().min((a, b) -> {
            int c = Integer.compare(a.getFileName().toString().length(), b.getFileName().toString().length());
            return c != 0 ? c : a.compareTo(b);
        });
    }
}

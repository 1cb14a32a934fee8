package org.sparsepocket.lab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-epoch CSV log of a run ({@code learning_curve.csv}). On resume, rows of epochs after the
 * checkpoint are dropped so the file always matches the state that continues.
 */
public final class LearningCurve {

    private final Path file;

    public LearningCurve(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The rows written so far (empty when the file does not exist). */
    public List<EpochResult> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<EpochResult> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("epoch,")) {
                    rows.add(EpochResult.parse(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keeps only the rows of epochs ≤ {@code lastEpoch} (rewriting the file). */
    public void truncateAfter(int lastEpoch) {
        List<EpochResult> keep = read().stream().filter(r -> r.epoch() <= lastEpoch).toList();
        StringBuilder sb = new StringBuilder(EpochResult.CSV_HEADER).append('\n');
        keep.forEach(r -> sb.append(r.csvRow()).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public void append(EpochResult row) {
        try {
            if (!Files.exists(file)) {
                truncateAfter(0);
            }
            Files.writeString(file, row.csvRow() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

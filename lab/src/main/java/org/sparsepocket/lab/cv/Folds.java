package org.sparsepocket.lab.cv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which fold every labelled complex sits in, and its protein family, as read from and written to the
 * committed fold file ({@code training/folds.tsv}): one line {@code set/id <tab> fold <tab> family} per
 * complex, {@code #} comments. Complexes are named {@code set/id} (e.g. {@code pdbbind-timesplit363/6n92}) so the
 * time-split validation complexes stay identifiable.
 */
public final class Folds {

    /** One complex's place in the split. */
    public record Entry(String complex, int fold, int family) {
    }

    private final Map<String, Entry> byComplex;
    private final int count;

    private Folds(Map<String, Entry> byComplex) {
        this.byComplex = Collections.unmodifiableMap(new LinkedHashMap<>(byComplex));
        this.count = byComplex.values().stream().mapToInt(Entry::fold).max().orElse(-1) + 1;
    }

    /** A split from its entries (in order). */
    public static Folds of(List<Entry> entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (m.put(e.complex(), e) != null) {
                throw new IllegalArgumentException("complex " + e.complex() + " appears twice in the fold split");
            }
        }
        return new Folds(m);
    }

    /** Reads a fold file; a malformed line fails with file:line. */
    public static Folds read(Path file) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fold file " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            try {
                entries.add(new Entry(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'set/id<TAB>fold<TAB>family'");
            }
        }
        return of(entries);
    }

    /** Writes the split with a header that says how it was made. */
    public void write(Path file, List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append("# ").append(h).append('\n');
        }
        sb.append("# complex\tfold\tfamily\n");
        for (Entry e : byComplex.values()) {
            sb.append(e.complex()).append('\t').append(e.fold()).append('\t').append(e.family()).append('\n');
        }
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Number of folds. */
    public int count() {
        return count;
    }

    /** Every complex, in file order. */
    public List<Entry> entries() {
        return List.copyOf(byComplex.values());
    }

    /** The fold of {@code set/id}; fails for a complex the split does not know (data and split out of step). */
    public int foldOf(String set, String id) {
        Entry e = byComplex.get(set + "/" + id);
        if (e == null) {
            throw new IllegalArgumentException("complex " + set + "/" + id + " is not in the fold split");
        }
        return e.fold();
    }

    /** The complexes of fold {@code k}. */
    public Set<String> complexesOf(int k) {
        Set<String> out = new TreeSet<>();
        for (Entry e : byComplex.values()) {
            if (e.fold() == k) {
                out.add(e.complex());
            }
        }
        return out;
    }
}

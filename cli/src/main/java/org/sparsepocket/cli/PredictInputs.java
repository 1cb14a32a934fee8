package org.sparsepocket.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sparsepocket.output.PredictionReport;
import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.structure.StructureLoader;
import org.sparsepocket.structure.StructureFormat;
import org.sparsepocket.structure.StructureSource;

/**
 * Expands the INPUT arguments of {@code predict} into batch items, in order:
 * <ul>
 *   <li>a directory: its structure files (by extension: .pdb .ent .cif .mmcif .bcif .pdbqt, optionally
 *       .gz or .zst; hidden files skipped), sorted by name, not recursive;</li>
 *   <li>a list file — {@code @FILE}, or a file ending in .txt, .list or .lst whose content is not a
 *       structure: one input per line (blank lines and lines starting with # skipped; relative paths
 *       resolved against the list's folder);</li>
 *   <li>anything else: a structure file, PDB ID or UniProt accession, resolved by
 *       {@link StructureSource} (downloads go through its cache).</li>
 * </ul>
 * Each item's output folder stem is the input's base name (file name without structure extensions, or
 * the ID); repeated stems get {@code _2}, {@code _3}, ... so a batch never overwrites itself.
 */
public final class PredictInputs {

    private static final List<String> LIST_EXTENSIONS = List.of(".txt", ".list", ".lst");

    /** An argument that could not be expanded (e.g. an unreadable list file): becomes a failed item. */
    record Problem(String label, String message) {
    }

    private final FetchSettings fetch;
    private final Consumer<String> downloads;
    private final List<PredictionBatch.Item> items = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> stems = new HashMap<>();

    public PredictInputs(FetchSettings fetch, Consumer<String> downloads) {
        this.fetch = fetch;
        this.downloads = downloads;
    }

    /** Expands the arguments; problems are collected, not thrown. */
    public PredictInputs addAll(List<String> arguments) {
        for (String a : arguments) {
            add(a, null, 0);
        }
        return this;
    }

    public List<PredictionBatch.Item> items() {
        return List.copyOf(items);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    private void add(String argument, Path base, int depth) {
        String arg = argument.strip();
        if (arg.startsWith("@")) {
            list(resolve(arg.substring(1), base), depth);
            return;
        }
        Path path = resolve(arg, base);
        if (Files.isDirectory(path)) {
            directory(path);
        } else if (Files.isRegularFile(path) && hasExtension(path, LIST_EXTENSIONS)
                && !StructureLoader.looksLikeStructure(path)) {
            list(path, depth);   // (a structure saved as .txt is predicted, not read as 4,000 "inputs")
        } else if (Files.exists(path)) {
            leaf(path.toString());
        } else {
            leaf(arg);   // a PDB ID or accession (or a missing file: StructureSource says which)
        }
    }

    private void directory(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(PredictInputs::isStructureFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), dir + ": cannot list directory: " + e.getMessage()));
            return;
        }
        if (files.isEmpty()) {
            problems.add(new Problem(dir.toString(), dir + ": directory holds no structure files ("
                    + StructureFormat.structureExtensions() + ", optionally " + String.join("/", StructureFormat.COMPRESSIONS)
                    + ")"));
        }
        files.forEach(f -> leaf(f.toString()));
    }

    private void list(Path file, int depth) {
        if (depth > 4) {
            problems.add(new Problem(file.toString(), file + ": list files nested too deeply"));
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file.toString(), file + ": not a list file (not UTF-8 text) and not a structure file"));
            return;
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), file + ": cannot read list file: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            return;
        }
        Path base = file.toAbsolutePath().getParent();
        int before = items.size() + problems.size();
        for (String line : lines) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                add(l, base, depth + 1);
            }
        }
        if (items.size() + problems.size() == before) {
            problems.add(new Problem(file.toString(), file + ": list file names no inputs"));
        }
    }

    private void leaf(String argument) {
        String stem = uniqueStem(PredictionReport.fileStem(baseName(argument)));
        items.add(new PredictionBatch.Item(argument, stem, () -> StructureSource.load(argument, fetch, downloads)));
    }

    private String uniqueStem(String stem) {
        int n = stems.merge(stem.toLowerCase(Locale.ROOT), 1, Integer::sum);
        return n == 1 ? stem : stem + "_" + n;
    }

    private static Path resolve(String arg, Path base) {
        Path p = Path.of(arg);
        return base == null || p.isAbsolute() || !Files.exists(base.resolve(p)) ? p : base.resolve(p);
    }

    static boolean isStructureFile(Path p) {
        return StructureFormat.isStructureFile(p.getFileName().toString());
    }

    private static boolean hasExtension(Path p, List<String> extensions) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(n::endsWith);
    }

    /** "dir/1abc_protein.pdb.gz" → "1abc_protein"; "1ABC" → "1ABC". */
    static String baseName(String argument) {
        String n = StructureFormat.baseName(argument);
        if (n.isEmpty()) {   // "dir/": the folder's own name
            n = StructureFormat.baseName(argument.replaceAll("[/\\\\]+$", ""));
        }
        return StructureSource.isPdbId(n) ? n.toLowerCase(Locale.ROOT) : n;
    }
}

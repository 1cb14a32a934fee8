package org.sparsepocket.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists the proteins of an evaluation dataset, given as either
 * <ul>
 *   <li>a folder in the project's layout: {@code ID_protein.EXT} with {@code ID_ligand.EXT} beside it
 *       (EXT e.g. pdbqt.gz, pdb); or</li>
 *   <li>a dataset file, one item per line, paths relative to the file's folder, {@code #} comments.
 *       P2Rank's {@code .ds} form is understood: {@code PARAM.} lines are ignored and a
 *       {@code HEADER: ...} line names the columns ({@code protein}, {@code ligand}, {@code prediction});
 *       without a header a line is {@code PROTEIN [LIGAND]}.</li>
 * </ul>
 * The id of an item is its protein file name without extensions and without a {@code _protein} suffix.
 */
public final class Dataset {

    private static final Pattern PROTEIN = Pattern.compile("(.+)_protein\\.(.+)");

    private Dataset() {
    }

    /** Items of a folder or a dataset file, sorted by id for folders, in file order for lists. */
    public static List<DatasetItem> of(Path input) {
        if (Files.isDirectory(input)) {
            return fromDirectory(input);
        }
        if (Files.isRegularFile(input)) {
            return fromListFile(input);
        }
        throw new EvaluationException(input + ": dataset not found (neither a folder nor a dataset file)");
    }

    public static List<DatasetItem> fromDirectory(Path dir) {
        List<DatasetItem> items = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                Matcher m = PROTEIN.matcher(p.getFileName().toString());
                if (m.matches()) {
                    Path ligand = p.resolveSibling(m.group(1) + "_ligand." + m.group(2));
                    if (!Files.isRegularFile(ligand)) {
                        throw new EvaluationException(p + ": no ligand file " + ligand.getFileName() + " beside it");
                    }
                    items.add(new DatasetItem(m.group(1), p, ligand, null));
                }
            }
        } catch (IOException e) {
            throw new EvaluationException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        if (items.isEmpty()) {
            throw new EvaluationException(dir + ": no ID_protein.* files with ID_ligand.* beside them");
        }
        return items;
    }

    public static List<DatasetItem> fromListFile(Path file) {
        Path base = file.toAbsolutePath().getParent();
        List<String> columns = List.of("protein", "ligand");
        List<DatasetItem> items = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : PredictionFiles.readLines(file)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("PARAM.")) {
                continue;
            }
            if (line.startsWith("HEADER:")) {
                columns = List.of(line.substring("HEADER:".length()).trim().toLowerCase(Locale.ROOT).split("\\s+"));
                if (!columns.contains("protein")) {
                    throw new EvaluationException(file + ":" + lineNo + ": HEADER has no 'protein' column");
                }
                continue;
            }
            String[] cells = line.split("\\s+");
            Path protein = null, ligand = null, prediction = null;
            for (int i = 0; i < cells.length && i < columns.size(); i++) {
                Path p = base.resolve(cells[i]).normalize();
                switch (columns.get(i)) {
                    case "protein" -> protein = p;
                    case "ligand" -> ligand = p;
                    case "prediction" -> prediction = p;
                    default -> { }   // other P2Rank columns (ligand_codes, chains, ...) are not used
                }
            }
            if (protein == null) {
                throw new EvaluationException(file + ":" + lineNo + ": no protein path");
            }
            if (!Files.isRegularFile(protein)) {
                throw new EvaluationException(file + ":" + lineNo + ": protein file " + protein + " not found");
            }
            String id = idOf(protein);
            if (seen.merge(id, 1, Integer::sum) > 1) {
                throw new EvaluationException(file + ":" + lineNo + ": protein id '" + id + "' appears twice");
            }
            items.add(new DatasetItem(id, protein, ligand, prediction));
        }
        if (items.isEmpty()) {
            throw new EvaluationException(file + ": dataset file lists no proteins");
        }
        return items;
    }

    /** "1abc_protein.pdbqt.gz" → "1abc"; "1a82a.pdb" → "1a82a". */
    public static String idOf(Path proteinFile) {
        String name = proteinFile.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem.endsWith("_protein") ? stem.substring(0, stem.length() - "_protein".length()) : stem;
    }
}

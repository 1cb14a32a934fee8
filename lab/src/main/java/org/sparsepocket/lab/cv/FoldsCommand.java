package org.sparsepocket.lab.cv;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sparsepocket.cli.SparsePocketCli;
import org.sparsepocket.lab.train.ComplexFiles;
import org.sparsepocket.output.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sparsepocket folds}: writes the family-disjoint fold split of every labelled complex. */
@Command(name = "folds", mixinStandardHelpOptions = true,
        description = {"Split every labelled complex into K family-disjoint folds and write the fold file.",
                "Family: chains with >= 30 % identity over >= 50 % of the shorter chain in an MMseqs2 alignment"
                        + " (apt-get install mmseqs2), joined transitively; whole families are dealt to folds."})
public final class FoldsCommand implements Callable<Integer> {

    /** The labelled sets, in the order the fold file lists them. */
    static final List<String> SETS = List.of("scpdb995", "dude102", "pdbbind-timesplit363");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "Folder holding the labelled sets (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--sets", split = ",", paramLabel = "NAME",
            description = "Set folders under --data (default: scpdb995,dude102,pdbbind-timesplit363).")
    List<String> sets;

    @Option(names = {"-k", "--folds"}, defaultValue = "4", description = "Number of folds (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The fold file to write.")
    Path out;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Folder for MMseqs2's files (default: a temporary folder, deleted afterwards).")
    Path work;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<String> names = sets != null ? sets : SETS;
        try {
            List<ComplexFiles> complexes = new ArrayList<>();
            for (String s : names) {
                complexes.addAll(ComplexFiles.scan(data.resolve(s)));
            }
            List<List<String>> perComplex = complexes.parallelStream()
                    .map(c -> ChainSequences.of(c.protein())).toList();
            List<String> sequences = new ArrayList<>();
            List<int[]> chains = new ArrayList<>();
            for (List<String> seqs : perComplex) {
                int[] idx = new int[seqs.size()];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = sequences.size();
                    sequences.add(seqs.get(i));
                }
                chains.add(idx);
            }
            err.printf(Locale.ROOT, "%d complexes, %d chains of >= %d residues; aligning all against all ...%n",
                    complexes.size(), sequences.size(), ChainSequences.MIN_RESIDUES);
            err.flush();
            Path dir = work != null ? work : Files.createTempDirectory("sparsepocket-folds");
            List<FamilyLinks.Link> links;
            try {
                links = FamilyLinks.find(sequences, dir);
            } finally {
                if (work == null) {     // MMseqs2's scratch files go, also when it failed
                    AtomicFiles.deleteRecursively(dir);
                }
            }
            String mmseqs = FamilyLinks.version();
            int[] family = FoldSplit.families(chains, links);
            int[] fold = FoldSplit.deal(family, k);
            List<Folds.Entry> entries = new ArrayList<>();
            for (int c = 0; c < complexes.size(); c++) {
                entries.add(new Folds.Entry(complexes.get(c).set() + "/" + complexes.get(c).id(), fold[c], family[c]));
            }
            Folds folds = Folds.of(entries);
            int families = java.util.Arrays.stream(family).max().orElse(-1) + 1;
            folds.write(out, List.of(
                    "Family-disjoint " + k + "-fold split of " + complexes.size() + " complexes (" + String.join(", ", names)
                            + "), " + families + " families.",
                    "Made by: sparsepocket folds --data DATA -k " + k + " --out " + out.getFileName(),
                    "Family: chains (>= " + ChainSequences.MIN_RESIDUES + " residues, sequence from C-alpha atoms) with >= "
                            + (int) Math.round(100 * FamilyLinks.MIN_IDENTITY) + " % identity over >= "
                            + (int) Math.round(100 * FamilyLinks.MIN_COVERAGE) + " % of the shorter chain (MMseqs2 "
                            + mmseqs + " easy-search -s " + FamilyLinks.SENSITIVITY + " -e 1e-3), joined transitively.",
                    "Folds: whole families, largest first, each to the fold with the fewest complexes."));
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%d complexes, %d chains, %d same-family chain pairs, %d families (largest %d)%n",
                    complexes.size(), sequences.size(), links.size() / 2, families, largest(family));
            for (int f = 0; f < k; f++) {
                StringBuilder perSet = new StringBuilder();
                for (String s : names) {
                    int n = 0;
                    for (Folds.Entry e : entries) {
                        n += e.fold() == f && e.complex().startsWith(s + "/") ? 1 : 0;
                    }
                    perSet.append(String.format(Locale.ROOT, "  %s %d", s, n));
                }
                o.printf(Locale.ROOT, "fold %d: %d complexes (%s)%n", f, folds.complexesOf(f).size(), perSet.toString().strip());
            }
            o.println("wrote " + out);
            o.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("error: " + SparsePocketCli.oneLine(e.getMessage()));
            err.flush();
            return SparsePocketCli.EXIT_FAILURE;
        }
    }

    private static int largest(int[] family) {
        int[] count = new int[java.util.Arrays.stream(family).max().orElse(-1) + 1];
        int max = 0;
        for (int f : family) {
            max = Math.max(max, ++count[f]);
        }
        return max;
    }
}

package org.sparsepocket.cli;

import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.features.Featurization;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.ChainMode;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.Complexes;
import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.structure.LigandFilter;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;
import org.sparsepocket.structure.StructureSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket inspect STRUCTURE}: what the loader made of a structure — complexes, chains,
 * residue and atom counts, a feature summary, candidate ligands with the relevant ones marked.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Show how a structure is read: complexes, chains, residue and atom counts, and the ligands found"
                    + " (relevant ones marked *).",
            "STRUCTURE is a file (PDB, PDBQT, mmCIF, BinaryCIF; plain, .gz or .zst), a PDB ID (fetched from"
                    + " RCSB) or a UniProt accession (AlphaFold DB model)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the input cannot be read or has no protein (one-line reason on stderr)",
            "2:usage error"})
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    SparsePocketCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "STRUCTURE", description = "Structure file, PDB ID or UniProt accession.")
    String input;

    @ArgGroup(exclusive = true)
    ChainOptions chainOptions;

    @Mixin
    SourceOptions source;

    @Mixin
    OutputOptions output;

    /** What inspect reports; rendered as text or JSON. */
    record Report(String input, String name, String format, List<String> warnings, List<ComplexReport> complexes) {
    }

    record ComplexReport(String name, int residues, int atoms, List<ChainReport> chains, FeatureReport features,
                         int waters, List<LigandReport> ligands) {
    }

    /**
     * How the complex's atoms were featurized: atoms from residue templates vs element rules, and how
     * many atoms carry each binary flag.
     */
    record FeatureReport(int perAtom, int fromTemplates, int byElementRules, Map<String, Integer> unknownResidues,
                         Map<String, Integer> flagged) {
    }

    record ChainReport(String id, int residues, int atoms) {
    }

    record LigandReport(String code, String chain, int number, String insertionCode, int atoms,
                        boolean relevant, String reason) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = output.progress(spec.commandLine().getErr());
        FetchSettings settings = source.settings(parent.environment());
        ChainMode mode = ChainOptions.mode(chainOptions);

        Path file = StructureSource.resolve(input, settings, progress::info);
        Structure structure = StructureSource.load(input, settings, progress::info);
        List<Complex> complexes = Complexes.split(structure, mode);
        Report report = report(input, structure, StructureLoader.describeFormat(file), complexes);

        if (output.json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
                    .create().toJson(report));
        } else {
            printText(out, report);
            for (String w : report.warnings()) {
                progress.warn(report.name(), w);
            }
        }
        out.flush();
        return 0;
    }

    static Report report(String input, Structure s, String format, List<Complex> complexes) {
        LigandFilter filter = LigandFilter.defaults();
        List<ComplexReport> reports = new ArrayList<>();
        for (Complex c : complexes) {
            Map<String, List<Atom>> byChain = new LinkedHashMap<>();
            for (Atom a : c.atoms()) {
                byChain.computeIfAbsent(a.residue().chainId(), k -> new ArrayList<>()).add(a);
            }
            List<ChainReport> chains = new ArrayList<>();
            for (Map.Entry<String, List<Atom>> e : byChain.entrySet()) {
                chains.add(new ChainReport(e.getKey(), residues(e.getValue()), e.getValue().size()));
            }
            int waters = 0;
            List<LigandReport> ligands = new ArrayList<>();
            for (LigandFilter.Verdict v : filter.judge(c.ligands(), c.atoms())) {
                if ("water".equals(v.reason())) {
                    waters++;
                    continue;
                }
                ResidueId r = v.ligand().residue();
                ligands.add(new LigandReport(v.ligand().code(), r.chainId(), r.number(),
                        r.insertionCode() == ' ' ? "" : String.valueOf(r.insertionCode()),
                        v.ligand().atoms().size(), v.relevant(), v.reason()));
            }
            reports.add(new ComplexReport(c.name(), residues(c.atoms()), c.atoms().size(), chains,
                    features(c.atoms()), waters, ligands));
        }
        return new Report(input, s.name(), format, s.warnings(), reports);
    }

    private static final List<String> FLAGS = List.of("hydrophobic", "aromatic", "acceptor", "donor", "ring");

    static FeatureReport features(List<Atom> atoms) {
        Featurization f = AtomFeaturizer.shared().featurize(atoms);
        Map<String, Integer> flagged = new LinkedHashMap<>();
        for (String flag : FLAGS) {
            int column = AtomFeatures.NAMES.indexOf(flag);
            int n = 0;
            for (int i = 0; i < f.matrix().rows(); i++) {
                if (f.matrix().get(i, column) > 0.5f) {
                    n++;
                }
            }
            flagged.put(flag, n);
        }
        return new FeatureReport(AtomFeatures.COUNT, atoms.size() - f.fallbackAtoms(), f.fallbackAtoms(),
                f.unknownResidues(), flagged);
    }

    private static int residues(List<Atom> atoms) {
        Set<ResidueId> ids = new LinkedHashSet<>();
        for (Atom a : atoms) {
            ids.add(a.residue());
        }
        return ids.size();
    }

    static void printText(PrintWriter out, Report r) {
        out.printf(Locale.ROOT, "%s (%s): %d complex%s%n", r.name(), r.format(), r.complexes().size(),
                r.complexes().size() == 1 ? "" : "es");
        for (ComplexReport c : r.complexes()) {
            long relevant = c.ligands().stream().filter(LigandReport::relevant).count();
            out.printf(Locale.ROOT, "complex %s: %d chain%s, %d residues, %d heavy atoms%n", c.name(),
                    c.chains().size(), c.chains().size() == 1 ? "" : "s", c.residues(), c.atoms());
            for (ChainReport ch : c.chains()) {
                out.printf(Locale.ROOT, "  chain %-4s %6d residues %7d atoms%n",
                        ch.id().isEmpty() ? "-" : ch.id(), ch.residues(), ch.atoms());
            }
            FeatureReport f = c.features();
            out.printf(Locale.ROOT, "  features: %d per atom; %d atoms from residue templates, %d by element rules%s%n",
                    f.perAtom(), f.fromTemplates(), f.byElementRules(),
                    f.unknownResidues().isEmpty() ? "" : " (unknown residues: " + String.join(", ", f.unknownResidues().keySet()) + ")");
            StringBuilder flags = new StringBuilder();
            f.flagged().forEach((k, v) -> flags.append(flags.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            out.printf(Locale.ROOT, "  flagged atoms: %s%n", flags);
            out.printf(Locale.ROOT, "  ligands: %d relevant of %d het groups (%d waters not listed)%n",
                    relevant, c.ligands().size(), c.waters());
            for (LigandReport l : c.ligands()) {
                String where = (l.chain().isEmpty() ? "-" : l.chain()) + ":" + l.number() + l.insertionCode();
                out.printf(Locale.ROOT, "  %s %-4s %-10s %4d atom%s%s%n", l.relevant() ? "*" : " ", l.code(), where,
                        l.atoms(), l.atoms() == 1 ? " " : "s", l.relevant() ? "" : "  (" + l.reason() + ")");
            }
        }
    }
}

package org.sparsepocket.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import org.sparsepocket.features.AtomFeatures;
import org.sparsepocket.features.ResidueTemplate;
import org.sparsepocket.features.ResidueTemplates;
import org.sparsepocket.structure.ChemCompEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sparsepocket feature-table}: prints the residue-template feature table, as a table for people
 * or, with {@code --json}, with each template's atoms and bonds for tools (tools/compare_features_openbabel.py
 * rebuilds the templates from it to check the features against Open Babel).
 */
@Command(name = "feature-table", mixinStandardHelpOptions = true,
        description = "Print the 18 features of every heavy atom of every residue template "
                + "(--json adds each template's atoms and bonds).")
final class FeatureTableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(new GsonBuilder().setPrettyPrinting().create().toJson(asJson()));
        } else {
            out.println("residue\tatom\t" + String.join("\t", AtomFeatures.NAMES));
            for (ResidueTemplate t : ResidueTemplates.all()) {
                t.features().forEach((name, f) -> {
                    StringBuilder sb = new StringBuilder(t.code()).append('\t').append(name);
                    for (float v : f) {
                        sb.append('\t').append(v == Math.rint(v) ? String.valueOf((int) v) : String.format("%.4f", v));
                    }
                    out.println(sb);
                });
            }
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> asJson() {
        List<Map<String, Object>> templates = new ArrayList<>();
        for (ResidueTemplate t : ResidueTemplates.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", t.code());
            m.put("source", t.source());
            List<Map<String, Object>> atoms = new ArrayList<>();
            for (ChemCompEntry.CompAtom a : t.entry().atoms()) {
                atoms.add(Map.of("name", a.name(), "element", a.element(), "charge", a.formalCharge()));
            }
            m.put("atoms", atoms);
            List<List<Object>> bonds = new ArrayList<>();
            for (ChemCompEntry.CompBond b : t.entry().bonds()) {
                bonds.add(List.of(b.atom1(), b.atom2(), b.order()));
            }
            m.put("bonds", bonds);
            m.put("features", t.features());
            templates.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("featureNames", AtomFeatures.NAMES);
        root.put("aliases", ResidueTemplates.aliases());
        root.put("templates", templates);
        return root;
    }

}

package org.sparsepocket.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sparsepocket.structure.ChemCompEntry;
import org.sparsepocket.structure.ShippedChemComps;

/**
 * The residue templates the features come from, and the residue-name aliases that share them. Built
 * once (about a second of CDK work) on first use; immutable afterwards.
 *
 * <ul>
 *   <li>The 20 standard amino acids, MSE, CSE (selenocysteine), TYS and DAR: Chemical Component
 *       Dictionary entries shipped in the BioJava jar.</li>
 *   <li>Common modified amino acids the jar lacks: {@link SmilesTemplates}.</li>
 *   <li>Aliases: SEC is read with CSE's template because the jar's SEC entry is an obsolete
 *       seleninic-acid definition (atoms SEG, OD1, OD2) while current files name selenocysteine's atoms
 *       like CSE (SE); AMBER/CHARMM/GROMACS protonation names (HID, HIE, HIP, HSD, CYX, ASH, GLH, LYN,
 *       ...) and the D-amino acids (DAL, DSN, ...) use their parent's template, as their atom names are
 *       the parent's and the features do not depend on stereochemistry or the preparation tool's
 *       protonation (the published method always uses the dictionary template).</li>
 * </ul>
 */
public final class ResidueTemplates {

    /** CCD entries read from the BioJava jar. */
    static final List<String> SHIPPED = List.of(
            "ALA", "ARG", "ASN", "ASP", "CYS", "GLN", "GLU", "GLY", "HIS", "ILE",
            "LEU", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL",
            "MSE", "CSE", "TYS", "DAR");

    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("SEC", "CSE"),
            // protonation-state names of AMBER, CHARMM and GROMACS (and DUD-E's CYT): parent atom names
            Map.entry("HID", "HIS"), Map.entry("HIE", "HIS"), Map.entry("HIP", "HIS"),
            Map.entry("HSD", "HIS"), Map.entry("HSE", "HIS"), Map.entry("HSP", "HIS"),
            Map.entry("HISD", "HIS"), Map.entry("HISE", "HIS"), Map.entry("HISH", "HIS"),
            Map.entry("CYX", "CYS"), Map.entry("CYM", "CYS"), Map.entry("CYT", "CYS"),
            Map.entry("ASH", "ASP"), Map.entry("GLH", "GLU"), Map.entry("LYN", "LYS"),
            Map.entry("ARN", "ARG"), Map.entry("TYM", "TYR"),
            // D-amino acids: same atom names and, the features being graph properties, same features
            Map.entry("DAL", "ALA"), Map.entry("DSN", "SER"), Map.entry("DTH", "THR"), Map.entry("DVA", "VAL"),
            Map.entry("DLE", "LEU"), Map.entry("DIL", "ILE"), Map.entry("DPN", "PHE"), Map.entry("DTY", "TYR"),
            Map.entry("DTR", "TRP"), Map.entry("DGL", "GLU"), Map.entry("DGN", "GLN"), Map.entry("DAS", "ASP"),
            Map.entry("DSG", "ASN"), Map.entry("DLY", "LYS"), Map.entry("DPR", "PRO"), Map.entry("DCY", "CYS"),
            Map.entry("DHI", "HIS"), Map.entry("MED", "MET"));

    private ResidueTemplates() {
    }

    /** Every template, in a stable order (shipped CCD entries, then SMILES ones). */
    public static List<ResidueTemplate> all() {
        return Holder.ALL;
    }

    /** Residue name to template code for the alias names (e.g. HID to HIS). */
    public static Map<String, String> aliases() {
        return ALIASES;
    }

    /** Template for each residue name the featurizer knows, aliases included. */
    static Map<String, ResidueTemplate> byResidueName() {
        return Holder.BY_NAME;
    }

    private static final class Holder {
        static final List<ResidueTemplate> ALL = build();
        static final Map<String, ResidueTemplate> BY_NAME = index(ALL);

        private static List<ResidueTemplate> build() {
            List<ResidueTemplate> templates = new ArrayList<>();
            for (String code : SHIPPED) {
                ChemCompEntry entry = ShippedChemComps.read(code).orElseThrow(() -> new IllegalStateException(
                        "the BioJava jar on the classpath lacks chemcomp/" + code + ".cif.gz"));
                templates.add(new ResidueTemplate(code, "CCD entry shipped in the BioJava jar",
                        entry, TemplateChemistry.featurize(entry)));
            }
            for (SmilesTemplates.Spec spec : SmilesTemplates.SPECS) {
                ChemCompEntry entry = SmilesTemplates.entry(spec);
                templates.add(new ResidueTemplate(spec.code(), "SMILES of the CCD entry (" + spec.formula() + ")",
                        entry, TemplateChemistry.featurize(entry)));
            }
            return List.copyOf(templates);
        }

        private static Map<String, ResidueTemplate> index(List<ResidueTemplate> templates) {
            Map<String, ResidueTemplate> byName = new LinkedHashMap<>();
            for (ResidueTemplate t : templates) {
                byName.put(t.code(), t);
            }
            ALIASES.forEach((alias, code) -> byName.put(alias, byName.get(code)));
            return Collections.unmodifiableMap(byName);
        }
    }
}

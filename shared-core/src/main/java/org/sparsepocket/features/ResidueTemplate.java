package org.sparsepocket.features;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.sparsepocket.structure.ChemCompEntry;

/**
 * One residue template with the features of its heavy atoms, computed once. Immutable.
 *
 * @param code     residue code, e.g. "SER"
 * @param source   where the chemistry comes from, e.g. "CCD entry shipped in the BioJava jar"
 * @param entry    the template's atoms (hydrogens included) and bonds
 * @param features heavy-atom name to its {@link AtomFeatures#COUNT} features, in template order
 */
public record ResidueTemplate(String code, String source, ChemCompEntry entry, Map<String, float[]> features) {

    public ResidueTemplate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entry, "entry");
        Map<String, float[]> copy = new LinkedHashMap<>();
        features.forEach((name, f) -> copy.put(name, f.clone()));
        features = Collections.unmodifiableMap(copy);
    }

    /** Heavy-atom name to a copy of its features, in template order (copies keep the template immutable). */
    @Override
    public Map<String, float[]> features() {
        Map<String, float[]> copy = new LinkedHashMap<>();
        features.forEach((name, f) -> copy.put(name, f.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** Heavy-atom names in template order. */
    public Set<String> atomNames() {
        return features.keySet();
    }

    /** A copy of the 18 features of one heavy atom, or null when the template has no such atom. */
    public float[] featuresOf(String atomName) {
        float[] f = features.get(atomName);
        return f == null ? null : Arrays.copyOf(f, f.length);
    }
}

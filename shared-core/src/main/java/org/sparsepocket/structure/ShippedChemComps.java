package org.sparsepocket.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.biojava.nbio.structure.chem.ChemComp;
import org.biojava.nbio.structure.chem.ChemCompAtom;
import org.biojava.nbio.structure.chem.ChemCompBond;
import org.biojava.nbio.structure.chem.ChemicalComponentDictionary;
import org.biojava.nbio.structure.io.cif.ChemCompConverter;

/**
 * The Chemical Component Dictionary entries that ship inside the BioJava jar ({@code chemcomp/XXX.cif.gz}:
 * the 20 standard amino acids, MSE, CSE, TYS and a few others), read offline with BioJava's mmCIF
 * chem-comp parser and returned as our own {@link ChemCompEntry}. This is the only BioJava use outside
 * structure loading, kept here so BioJava stays inside this package.
 */
public final class ShippedChemComps {

    private ShippedChemComps() {
    }

    /** The shipped entry for a CCD code, or empty when the jar does not carry it. */
    public static Optional<ChemCompEntry> read(String code) {
        String resource = "chemcomp/" + code.toUpperCase(Locale.ROOT) + ".cif.gz";
        InputStream raw = ChemComp.class.getClassLoader().getResourceAsStream(resource);
        if (raw == null) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(raw)) {
            ChemicalComponentDictionary dictionary = ChemCompConverter.fromInputStream(in);
            ChemComp comp = dictionary.getChemComp(code.toUpperCase(Locale.ROOT));
            return comp == null ? Optional.empty() : Optional.of(convert(comp));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the BioJava jar", e);
        }
    }

    private static ChemCompEntry convert(ChemComp comp) {
        List<ChemCompEntry.CompAtom> atoms = new ArrayList<>();
        for (ChemCompAtom a : comp.getAtoms()) {
            atoms.add(new ChemCompEntry.CompAtom(a.getAtomId(), capitalise(a.getTypeSymbol()), a.getCharge()));
        }
        List<ChemCompEntry.CompBond> bonds = new ArrayList<>();
        for (ChemCompBond b : comp.getBonds()) {
            bonds.add(new ChemCompEntry.CompBond(b.getAtomId1(), b.getAtomId2(), b.getNumericalBondOrder()));
        }
        return new ChemCompEntry(comp.getId(), atoms, bonds);
    }

    /** "SE" to "Se": the dictionary writes element symbols in capitals. */
    private static String capitalise(String symbol) {
        String s = symbol.trim();
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }
}

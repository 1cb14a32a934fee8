package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chain modes on a two-chain structure built from the example: chain B is chain A moved 200 Å. */
class ComplexesTest {

    private static Structure twoChains;

    @BeforeAll
    static void build() {
        String text = TestFiles.exampleText();
        String chainB = text.lines().filter(PdbEdit::isAtom).filter(l -> !l.substring(17, 20).equals("HOH"))
                .map(l -> PdbEdit.chain(PdbEdit.move(l, 200, 0, 0), 'B')).collect(Collectors.joining("\n"));
        // A ligand with its own chain id L, bound next to chain B's inhibitor.
        String ligandL = text.lines().filter(l -> l.startsWith("HETATM") && l.substring(17, 20).equals("HTA"))
                .map(l -> PdbEdit.chain(PdbEdit.move(l, 200, 0, 0.5), 'L')).collect(Collectors.joining("\n"));
        twoChains = StructureLoader.parse(PdbEdit.bytes(text.replace("END   ", chainB + "\n" + ligandL + "\nEND   ")), "1fbl.pdb");
    }

    @Test
    void wholeStructureIsOneComplex() {
        List<Complex> c = Complexes.split(twoChains, ChainMode.whole());
        assertEquals(1, c.size());
        assertEquals("1fbl", c.get(0).name());
        assertEquals(List.of("A", "B"), c.get(0).chainIds());
        assertEquals(2 * 2966, c.get(0).atoms().size());
        assertEquals(twoChains.hetGroups(), c.get(0).ligands());
    }

    @Test
    void eachChainIsItsOwnComplexWithItsLigands() {
        List<Complex> c = Complexes.split(twoChains, ChainMode.eachChain());
        assertEquals(List.of("1fbl_A", "1fbl_B"), c.stream().map(Complex::name).toList());
        assertEquals(2966, c.get(0).atoms().size());
        assertTrue(c.get(1).atoms().stream().allMatch(a -> a.residue().chainId().equals("B")));
        assertEquals(List.of("A:HTA900"), relevantLabels(c.get(0)));
        // B's own inhibitor, and the chain-L ligand because it touches chain B.
        assertEquals(List.of("B:HTA900", "L:HTA900"), relevantLabels(c.get(1)));
    }

    @Test
    void chosenChainsFormOneComplex() {
        List<Complex> b = Complexes.split(twoChains, ChainMode.chains(List.of("B")));
        assertEquals(1, b.size());
        assertEquals("1fbl_B", b.get(0).name());
        assertEquals(List.of("B"), b.get(0).chainIds());
        List<Complex> both = Complexes.split(twoChains, ChainMode.chains(List.of("B", "A")));
        assertEquals(List.of("A", "B"), both.get(0).chainIds(), "file order, whatever the order asked for");
        assertEquals(2 * 2966, both.get(0).atoms().size());
    }

    @Test
    void unknownChainIsAClearError() {
        StructureException e = assertThrows(StructureException.class,
                () -> Complexes.split(twoChains, ChainMode.chains(List.of("A", "Z"))));
        assertEquals("1fbl: no protein chain 'Z' (protein chains: A, B)", e.getMessage());
        // A chain holding only a ligand is no protein chain either.
        assertThrows(StructureException.class, () -> Complexes.split(twoChains, ChainMode.chains(List.of("L"))));
    }

    @Test
    void multiChainEntryFromTheTestData() {
        Structure s = StructureLoader.load(TestFiles.data("p2rank-testdata/2W83.cif.gz"));
        List<Complex> c = Complexes.split(s, ChainMode.eachChain());
        assertEquals(List.of("2W83_A", "2W83_B", "2W83_C", "2W83_D", "2W83_E"), c.stream().map(Complex::name).toList());
        assertEquals(s.protein().size(), c.stream().mapToInt(x -> x.atoms().size()).sum());
        assertTrue(relevantLabels(c.get(0)).contains("A:GTP1173"));
    }

    private static List<String> relevantLabels(Complex c) {
        return LigandFilter.defaults().relevant(c).stream().map(l -> l.residue().label()).toList();
    }
}

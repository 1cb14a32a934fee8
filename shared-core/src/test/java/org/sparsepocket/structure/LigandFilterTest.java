package org.sparsepocket.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ligand relevance on the example (MMP-1 with the hydroxamate inhibitor HTA A:900). */
class LigandFilterTest {

    private static Structure s;
    private static Ligand hta;

    @BeforeAll
    static void load() {
        s = StructureLoader.load(TestFiles.example());
        hta = s.hetGroups().stream().filter(l -> l.code().equals("HTA")).findFirst().orElseThrow();
    }

    @Test
    void onlyTheInhibitorIsRelevant() {
        List<Ligand> relevant = LigandFilter.defaults().relevant(s.hetGroups(), s.protein());
        assertEquals(List.of(hta), relevant);
        assertEquals("A", hta.residue().chainId());
        assertEquals(900, hta.residue().number());
        assertEquals(27, hta.atoms().size());
    }

    @Test
    void everyRejectionHasAReason() {
        Map<String, Set<String>> reasons = LigandFilter.defaults().judge(s.hetGroups(), s.protein()).stream()
                .collect(Collectors.groupingBy(v -> v.ligand().code(),
                        Collectors.mapping(v -> String.valueOf(v.reason()), Collectors.toSet())));
        assertEquals(Set.of("water"), reasons.get("HOH"));
        assertEquals(Set.of("fewer than 5 heavy atoms"), reasons.get("ZN"));
        assertEquals(Set.of("fewer than 5 heavy atoms"), reasons.get("CA"));
        assertEquals(Set.of("null"), reasons.get("HTA"));
    }

    @Test
    void commonAdditivesAreNotRelevant() {
        // The inhibitor's atoms renamed as glycerol: same contact, but an additive.
        Ligand gol = new Ligand(new ResidueId("A", 901, ' ', "GOL"), hta.atoms());
        LigandFilter.Verdict v = LigandFilter.defaults().judge(List.of(gol), s.protein()).get(0);
        assertFalse(v.relevant());
        assertEquals("common additive", v.reason());
        assertTrue(LigandFilter.COMMON_ADDITIVES.containsAll(Set.of("GOL", "EDO", "SO4", "PO4", "PEG", "NAG", "MAN")));
    }

    @Test
    void ligandWithoutProteinContactIsNotRelevant() {
        List<Atom> far = new ArrayList<>();
        for (Atom a : hta.atoms()) {
            far.add(a.withCoordinates(a.x() + 60, a.y(), a.z()));
        }
        Ligand away = new Ligand(hta.residue(), far);
        LigandFilter.Verdict v = LigandFilter.defaults().judge(List.of(away), s.protein()).get(0);
        assertFalse(v.relevant());
        assertEquals("no protein atom within 4.0 Å", v.reason());
    }

    @Test
    void settingsAreHonoured() {
        LigandFilter ions = new LigandFilter(1, 4.0, Set.of("HOH"));
        List<String> codes = ions.relevant(s.hetGroups(), s.protein()).stream().map(Ligand::code).distinct().toList();
        assertTrue(codes.containsAll(List.of("ZN", "HTA")), codes.toString());
    }
}

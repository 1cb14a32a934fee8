package org.sparsepocket.lab.surface;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.sparsepocket.eval.DcaCriterion;
import org.sparsepocket.eval.LigandHits;
import org.sparsepocket.eval.RankedPockets;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.CellList;
import org.sparsepocket.structure.Ligand;

/**
 * Where a ranked list's DCA top-n misses go. A pocket lies on a ligand's site when its atoms include at least half of
 * the protein atoms within 4 Å of the ligand; a miss is then either a top-n pocket on the site whose centre is more
 * than 4 Å from every ligand atom (the centre is off), a pocket found by DCA but ranked below n, a lower-ranked pocket
 * on the site with its centre off, or no pocket on the site at all.
 */
final class MissReport {

    enum Kind {
        FOUND("found at top-n"),
        CENTRE_OFF("a top-n pocket lies on the site, its centre > 4 Å from the ligand"),
        RANKED_LOWER("found by DCA below rank n"),
        LOWER_CENTRE_OFF("a pocket below rank n lies on the site, its centre off"),
        NOT_DETECTED("no pocket lies on the site");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final double SITE = 4.0;
    private static final DcaCriterion DCA = new DcaCriterion(4.0);

    private MissReport() {
    }

    /** One kind per ligand of {@code ligands} (n = their count) for {@code pockets}, best first. */
    static Kind[] classify(List<Atom> atoms, List<Ligand> ligands, List<Pocket> pockets, String id) {
        CellList cells = CellList.of(atoms, SITE);
        int[] dcaRank = LigandHits.of(DCA, ligands, RankedPockets.fromPockets(id, pockets).pockets()).bestRank();
        int n = ligands.size();
        Kind[] out = new Kind[n];
        for (int l = 0; l < n; l++) {
            Ligand ligand = ligands.get(l);
            BitSet site = new BitSet(atoms.size());
            for (Atom a : ligand.atoms()) {
                cells.forEachWithin(a.x(), a.y(), a.z(), SITE, site::set);
            }
            int rank = dcaRank[l];
            int onSite = 0;    // first rank of a pocket on the site
            for (int p = 0; p < pockets.size() && onSite == 0; p++) {
                int covered = 0;
                for (int i : pockets.get(p).atomIndices()) {
                    covered += site.get(i) ? 1 : 0;
                }
                if (!site.isEmpty() && 2 * covered >= site.cardinality()) {
                    onSite = p + 1;
                }
            }
            out[l] = rank >= 1 && rank <= n ? Kind.FOUND
                    : onSite >= 1 && onSite <= n ? Kind.CENTRE_OFF
                    : rank > n ? Kind.RANKED_LOWER
                    : onSite > n ? Kind.LOWER_CENTRE_OFF
                    : Kind.NOT_DETECTED;
        }
        return out;
    }

    /** Counts of each kind. */
    static Map<Kind, Integer> count(Iterable<Kind[]> kinds) {
        Map<Kind, Integer> out = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            out.put(k, 0);
        }
        for (Kind[] ks : kinds) {
            for (Kind k : ks) {
                out.merge(k, 1, Integer::sum);
            }
        }
        return out;
    }
}

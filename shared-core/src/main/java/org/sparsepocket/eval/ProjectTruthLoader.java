package org.sparsepocket.eval;

import java.util.List;
import org.sparsepocket.structure.Ligand;
import org.sparsepocket.structure.LigandFile;
import org.sparsepocket.structure.LigandFilter;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureLoader;

/**
 * The truth as the project defines it: the protein as {@link StructureLoader} reads it; the ligand of
 * the item's separate ligand file (our PDBQT layout: one molecule per file), or else the protein file's
 * het groups that {@link LigandFilter} deems relevant.
 */
public final class ProjectTruthLoader implements DatasetEvaluator.TruthLoader {

    private final LigandFilter filter;

    public ProjectTruthLoader(LigandFilter filter) {
        this.filter = filter;
    }

    public static ProjectTruthLoader standard() {
        return new ProjectTruthLoader(LigandFilter.defaults());
    }

    @Override
    public Structure protein(DatasetItem item) {
        Structure s = StructureLoader.load(item.protein());
        if (s.protein().isEmpty()) {
            throw new EvaluationException(item.protein() + ": no protein atoms");
        }
        return s;
    }

    @Override
    public List<Ligand> ligands(DatasetItem item, Structure protein) {
        if (item.ligand() != null) {
            return List.of(LigandFile.load(item.ligand()));
        }
        return filter.relevant(protein.hetGroups(), protein.protein());
    }
}

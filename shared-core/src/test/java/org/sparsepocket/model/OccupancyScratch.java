package org.sparsepocket.model;

import org.junit.jupiter.api.Test;
import org.sparsepocket.features.AtomFeaturizer;
import org.sparsepocket.structure.*;
import org.sparsepocket.sparse.coords.*;
import java.nio.file.*;
import java.util.*;

class OccupancyScratch {
    static double fill(int[] map, int pad) { long n = 0; for (int v : map) if (v != pad) n++; return (double) n / map.length; }
    @Test
    void run() throws Exception {
        List<Path> files;
        try (var s = Files.list(Path.of("/work/shared/data/pdbbind-timesplit363"))) { files = s.filter(p -> p.toString().endsWith("_protein.pdbqt.gz")).sorted().limit(40).toList(); }
        for (Path f : files) {
            Structure st = StructureLoader.load(f);
            int n = st.protein().size();
            if (n < 3000 || n > 5500) continue;
            var feat = AtomFeaturizer.shared().featurize(st.protein());
            double[] xyz = new double[3 * n];
            for (int i = 0; i < n; i++) { Atom a = st.protein().get(i); xyz[3*i]=a.x(); xyz[3*i+1]=a.y(); xyz[3*i+2]=a.z(); }
            VoxelBatch b = VoxelBatch.of(List.of(new Voxelizer(1.0).voxelize(xyz, feat.matrix().values(), 18)));
            CoordinateManager cm = b.coordinates();
            StringBuilder sb = new StringBuilder(f.getFileName() + " atoms " + n);
            for (int l = 0; l <= 4; l++) {
                sb.append(String.format(" | L%d n=%d sub=%.2f", l, cm.size(l), fill(cm.submanifoldMap(l), cm.size(l))));
                if (l < 4) sb.append(String.format(" down=%.2f up=%.2f", fill(cm.downMap(l, 3), cm.size(l)), fill(cm.transposedMap(l, 3), cm.size(l + 1))));
            }
            System.out.println(sb);
        }
    }
}

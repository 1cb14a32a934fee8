package org.sparsepocket.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import java.nio.file.*;
import java.util.*;

class LeakScratch {
    static double rss() throws Exception { for (String l : Files.readAllLines(Path.of("/proc/self/status"))) if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0; return -1; }
    @Test
    void run() throws Exception {
        NetworkConfig cfg = NetworkConfig.PUBLISHED;
        PocketNetwork net = PocketNetwork.create(cfg, Device.cpu());
        try (NDManager m = net.manager().newSubManager()) {
            var p = net.parameters().get(0).getValue();
            ParameterStore ps = new ParameterStore(m, false);
            System.out.println("same array: " + (ps.getValue(p, Device.cpu(), false) == p.getArray()));
        }
        PocketModel model = PocketModel.of(net, ModelCard.of("x", cfg, "r"));
        var st = org.sparsepocket.structure.StructureLoader.load(Path.of("/work/shared/data/pdbbind-timesplit363/5zcu_protein.pdbqt.gz"));
        int n = st.protein().size();
        var feat = org.sparsepocket.features.AtomFeaturizer.shared().featurize(st.protein());
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) { var a = st.protein().get(i); xyz[3*i]=a.x(); xyz[3*i+1]=a.y(); xyz[3*i+2]=a.z(); }
        Runtime rt = Runtime.getRuntime();
        int iters = Integer.getInteger("iters", 150);
        for (int i = 1; i <= iters; i++) {
            model.predict(xyz, feat.matrix());
            if (i % 25 == 0) {
                System.out.printf("%d rss %.0f MB heap committed %.0f used %.0f%n", i, rss(), rt.totalMemory() / 1e6, (rt.totalMemory() - rt.freeMemory()) / 1e6);
            }
        }
        model.close();
    }
}

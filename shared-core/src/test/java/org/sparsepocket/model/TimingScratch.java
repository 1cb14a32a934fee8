package org.sparsepocket.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.sparsepocket.sparse.coords.VoxelBatch;
import java.util.*;

class TimingScratch {
    @Test
    void run() {
        String cfgName = System.getProperty("cfg", "pub");
        NetworkConfig cfg = cfgName.equals("half") ? NetworkConfig.PUBLISHED.widthScaled(0.5) : NetworkConfig.PUBLISHED;
        PocketNetwork net = PocketNetwork.create(cfg, Device.cpu());
        PocketModel m = PocketModel.of(net, ModelCard.of("x", cfg, "r"));
        var st = org.sparsepocket.structure.StructureLoader.load(java.nio.file.Path.of("/work/shared/data/pdbbind-timesplit363/6dyz_protein.pdbqt.gz"));
        int n = st.protein().size();
        var feat = org.sparsepocket.features.AtomFeaturizer.shared().featurize(st.protein());
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) { var a = st.protein().get(i); xyz[3*i]=a.x(); xyz[3*i+1]=a.y(); xyz[3*i+2]=a.z(); }
        ComplexInput c4 = new ComplexInput(xyz, feat.matrix());
        VoxelBatch b = net.batch(List.of(c4));
        System.out.println("voxels " + b.voxelCount() + " " + b.coordinates().size(1) + " " + b.coordinates().size(2)+ " " + b.coordinates().size(3)+ " " + b.coordinates().size(4));
        long[] t = new long[15];
        long[] cpu = new long[15];
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int it = 0; it < t.length; it++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            m.predict(c4.xyz(), c4.features());
            t[it] = (System.nanoTime() - t0) / 1000000;
            cpu[it] = (mx.getCurrentThreadCpuTime() - c0) / 1000000;
        }
        System.out.println("infer ms " + Arrays.toString(t));
        System.out.println("infer cpu ms " + Arrays.toString(cpu));
        m.close();
    }
}

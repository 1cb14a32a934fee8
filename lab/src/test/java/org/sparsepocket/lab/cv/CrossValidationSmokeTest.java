package org.sparsepocket.lab.cv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.lab.train.AdamW;
import org.sparsepocket.lab.train.ComplexFeaturizer;
import org.sparsepocket.lab.train.ComplexFiles;
import org.sparsepocket.lab.train.FocalLoss;
import org.sparsepocket.lab.train.LabelRule;
import org.sparsepocket.lab.train.LearningCurve;
import org.sparsepocket.lab.train.PdbqtComplexFeaturizer;
import org.sparsepocket.lab.train.RunRecord;
import org.sparsepocket.lab.train.TrainingComplex;
import org.sparsepocket.lab.train.TrainingRun;
import org.sparsepocket.lab.train.TrainingSettings;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.NetworkConfig;

/**
 * A 2-fold cross-validation end to end on four small complexes cut around their ligands: the fold split is
 * family-disjoint by construction, each fold's run trains on the other fold only and validates on its own,
 * keeps its last epoch, and exports a bundle; every complex then gets out-of-fold probabilities from the model
 * that never saw it.
 */
class CrossValidationSmokeTest {

    private static final Path DATA = Files.isDirectory(Path.of("../shared/data")) ? Path.of("../shared/data")
            : Path.of("../../shared/data");
    private static final NetworkConfig TINY = NetworkConfig.PUBLISHED.widthScaled(0.25);

    @TempDir
    Path dir;

    @Test
    void familiesNeverSpanTwoFoldsAndFoldsAreBalanced() {
        // complexes 0-1 share a chain family, 2 is alone, 3-4-5 are linked through 4's two chains
        List<int[]> chains = List.of(new int[] {0}, new int[] {1}, new int[] {2}, new int[] {3}, new int[] {4, 5},
                new int[] {6});
        List<FamilyLinks.Link> links = List.of(new FamilyLinks.Link(0, 1), new FamilyLinks.Link(3, 4),
                new FamilyLinks.Link(5, 6));
        int[] family = FoldSplit.families(chains, links);
        assertArrayEquals(new int[] {0, 0, 1, 2, 2, 2}, family);
        int[] fold = FoldSplit.deal(family, 2);
        assertEquals(fold[0], fold[1]);
        assertEquals(fold[3], fold[4]);
        assertEquals(fold[4], fold[5]);
        assertNotEquals(fold[0], fold[3]); // the family of three goes first, the pair to the other fold
        assertEquals(fold[0], fold[2]);    // the single complex evens the folds out: 3 and 3
        assertThrows(IllegalArgumentException.class, () -> FoldSplit.deal(family, 1));
    }

    @Test
    void foldFileRoundTripsAndRefusesUnknownComplexes() {
        Folds folds = Folds.of(List.of(new Folds.Entry("a/1", 0, 0), new Folds.Entry("b/2", 1, 1)));
        Path file = dir.resolve("folds.tsv");
        folds.write(file, List.of("test split"));
        Folds back = Folds.read(file);
        assertEquals(folds.entries(), back.entries());
        assertEquals(2, back.count());
        assertEquals(1, back.foldOf("b", "2"));
        assertThrows(IllegalArgumentException.class, () -> back.foldOf("c", "3"));
    }

    @Test
    void foldModelsHoldTheirFoldOutAndTheAllDataModelTrainsOnEveryFold() {
        Folds folds = Folds.of(List.of(new Folds.Entry("a/1", 0, 0), new Folds.Entry("a/2", 1, 1),
                new Folds.Entry("b/3", 2, 2)));
        ComplexFiles c1 = new ComplexFiles("a", "1", dir.resolve("p1"), dir.resolve("l1"));
        ComplexFiles c2 = new ComplexFiles("a", "2", dir.resolve("p2"), dir.resolve("l2"));
        ComplexFiles c3 = new ComplexFiles("b", "3", dir.resolve("p3"), dir.resolve("l3"));
        TrainingRun.FoldChoice holdOne = new TrainingRun.FoldChoice(folds, 1);
        assertEquals(List.of(true, false, true), List.of(holdOne.inTraining(c1), holdOne.inTraining(c2),
                holdOne.inTraining(c3)));
        assertEquals(List.of(false, true, false), List.of(holdOne.inValidation(c1), holdOne.inValidation(c2),
                holdOne.inValidation(c3)));
        TrainingRun.FoldChoice all = TrainingRun.FoldChoice.allData(folds);
        assertTrue(all.inTraining(c1) && all.inTraining(c2) && all.inTraining(c3));
        // the in-sample monitor is fold 0, which the all-data model also trains on
        assertEquals(List.of(true, false, false), List.of(all.inValidation(c1), all.inValidation(c2),
                all.inValidation(c3)));
        assertThrows(IllegalArgumentException.class, () -> new TrainingRun.FoldChoice(folds, 3));
    }

    @Test
    void twoFoldCrossValidationTrainsEachFoldOnTheOtherAndPredictsOutOfFold() throws Exception {
        assumeTrue(Files.isDirectory(DATA.resolve("scpdb995")) && Files.isDirectory(DATA.resolve("pdbbind-timesplit363")),
                "../shared/data is absent: skipping the cross-validation smoke test");
        PdbqtComplexFeaturizer real = new PdbqtComplexFeaturizer(LabelRule.DEFAULT);
        List<ComplexFiles> scpdb = ComplexFiles.scan(DATA.resolve("scpdb995")).subList(0, 2);
        List<ComplexFiles> pdbbind = ComplexFiles.scan(DATA.resolve("pdbbind-timesplit363")).subList(0, 2);
        Map<String, TrainingComplex> cuts = new HashMap<>();
        List<Folds.Entry> entries = new ArrayList<>();
        int i = 0;
        for (ComplexFiles c : concat(scpdb, pdbbind)) {
            cuts.put(c.id(), org.sparsepocket.lab.train.TrainingCuts.aroundSite(real.featurize(c), 10.0));
            entries.add(new Folds.Entry(c.set() + "/" + c.id(), i % 2, i));
            i++;
        }
        Folds folds = Folds.of(entries);
        Path sets = dir.resolve("sets");
        for (ComplexFiles c : concat(scpdb, pdbbind)) {
            Path folder = Files.createDirectories(sets.resolve(c.set()));
            Files.copy(c.protein(), folder.resolve(c.protein().getFileName()));
            Files.copy(c.ligand(), folder.resolve(c.ligand().getFileName()));
        }
        List<Path> all = List.of(sets.resolve("scpdb995"), sets.resolve("pdbbind-timesplit363"));
        ComplexFeaturizer featurizer = new ComplexFeaturizer() {
            @Override
            public TrainingComplex featurize(ComplexFiles files) {
                return cuts.get(files.id());
            }

            @Override
            public String version() {
                return "cv smoke-test cuts";
            }
        };
        TrainingSettings settings = new TrainingSettings(3, 2, 1, 1, AdamW.Settings.PUBLISHED.withLearningRate(3e-3),
                true, FocalLoss.PUBLISHED, LabelRule.DEFAULT, true, true).withLastEpoch(true);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        for (int k = 0; k < 2; k++) {
            Path run = dir.resolve("fold" + k);
            TrainingRun.run(new TrainingRun.Options(settings, TINY, all, all, dir.resolve("cache"), run,
                    run.resolve("model"), 1000, Double.POSITIVE_INFINITY, 0, 0, 1, false, "train --folds --holdout " + k,
                    new TrainingRun.FoldChoice(folds, k)), featurizer, quiet);
            RunRecord r = RunRecord.read(run);
            assertEquals(2, r.trainComplexes(), "fold " + k + " trains on the other fold only");
            assertEquals(2, r.validationComplexes(), "fold " + k + " validates on its own complexes");
            // patience 1 would stop a best-epoch run early; the last-epoch run goes on and keeps epoch 2
            assertEquals(2, new LearningCurve(run.resolve("learning_curve.csv")).read().size());
            try (ModelBundle b = ModelBundle.load(run.resolve("model"), Device.cpu())) {
                assertEquals("2", b.card().provenance().get("selected_epoch"));
            }
        }
        // out-of-fold: each complex through the model of the fold that held it out
        for (Folds.Entry e : folds.entries()) {
            String id = e.complex().substring(e.complex().indexOf('/') + 1);
            TrainingComplex c = cuts.get(id);
            try (org.sparsepocket.model.PocketModel m = org.sparsepocket.model.PocketModel.load(
                    dir.resolve("fold" + e.fold()).resolve("model"))) {
                float[] p = m.predict(c.xyz(), new org.sparsepocket.features.FeatureMatrix(c.atomCount(), c.features()));
                assertEquals(c.atomCount(), p.length);
                for (float v : p) {
                    assertTrue(v >= 0 && v <= 1, "probability out of range: " + v);
                }
            }
        }
        // out-of-fold tuning on the whole proteins of both folds
        Path foldFile = dir.resolve("folds.tsv");
        folds.write(foldFile, List.of("smoke test"));
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = org.sparsepocket.lab.LabCli.run(new String[] {"tune", all.get(0).toString(), all.get(1).toString(),
                "--folds", foldFile.toString(), "--models", dir.resolve("fold0/model") + "," + dir.resolve("fold1/model"),
                "--cache", dir.resolve("oof").toString(), "--thresholds", "0.3,0.5", "--eps", "5", "--min-sizes", "3",
                "--scorers", "max", "--threads", "1", "--json", "-q"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertEquals(0, code, err.toString());
        var chosen = com.google.gson.JsonParser.parseString(out.toString()).getAsJsonObject().getAsJsonObject("chosen");
        assertEquals(4, chosen.get("proteins").getAsInt());
        // the probabilities each member cached are exactly its own fold's proteins
        try (var files = Files.list(dir.resolve("oof"))) {
            assertEquals(4, files.count());
        }
        // the out-of-fold table: all four proteins, each through its own fold's member
        out.getBuffer().setLength(0);
        code = org.sparsepocket.lab.LabCli.run(new String[] {"cv-evaluate", all.get(0).toString(), all.get(1).toString(),
                "--folds", foldFile.toString(), "--models", dir.resolve("fold0/model") + "," + dir.resolve("fold1/model"),
                "--cache", dir.resolve("oof").toString(), "--threshold", "0.3", "--threads", "1", "--json", "-q"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertEquals(0, code, err.toString());
        assertEquals(4, oofProteins(out.toString()));
        // a fold still training ('-') leaves its proteins out, and says so
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        code = org.sparsepocket.lab.LabCli.run(new String[] {"cv-evaluate", all.get(0).toString(), all.get(1).toString(),
                "--folds", foldFile.toString(), "--models", dir.resolve("fold0/model") + ",-",
                "--cache", dir.resolve("oof").toString(), "--threshold", "0.3", "--threads", "1", "--json"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("2 of 4 proteins left out"), err.toString());
        assertEquals(2, oofProteins(out.toString()));
        // 'A+A': the mean of a model with itself scores exactly as the model alone (its own cache entry)
        String single = summaries(out.toString());
        out.getBuffer().setLength(0);
        code = org.sparsepocket.lab.LabCli.run(new String[] {"cv-evaluate", all.get(0).toString(), all.get(1).toString(),
                "--folds", foldFile.toString(), "--models", dir.resolve("fold0/model") + "+" + dir.resolve("fold0/model") + ",-",
                "--cache", dir.resolve("oof").toString(), "--threshold", "0.3", "--threads", "1", "--json", "-q"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertEquals(0, code, err.toString());
        assertEquals(single, summaries(out.toString()));
        // tune takes the same '-'
        out.getBuffer().setLength(0);
        code = org.sparsepocket.lab.LabCli.run(new String[] {"tune", all.get(0).toString(), all.get(1).toString(),
                "--folds", foldFile.toString(), "--models", dir.resolve("fold0/model") + ",-",
                "--cache", dir.resolve("oof").toString(), "--thresholds", "0.3", "--eps", "5", "--min-sizes", "3",
                "--scorers", "max", "--threads", "1", "--json", "-q"},
                new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        assertEquals(0, code, err.toString());
        assertEquals(2, com.google.gson.JsonParser.parseString(out.toString()).getAsJsonObject()
                .getAsJsonObject("chosen").get("proteins").getAsInt());
        // a member per fold is required
        err.getBuffer().setLength(0);
        assertEquals(1, org.sparsepocket.lab.LabCli.run(new String[] {"tune", all.get(0).toString(), "--folds",
                foldFile.toString(), "--models", dir.resolve("fold0/model").toString(), "--cache",
                dir.resolve("oof").toString(), "-q"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of()));
        assertTrue(err.toString().contains("1 models for 2 folds"), err.toString());
    }

    /** cv-evaluate's JSON summaries. */
    private static String summaries(String json) {
        return com.google.gson.JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("summaries").toString();
    }

    /** Proteins scored, from cv-evaluate's JSON. */
    private static int oofProteins(String json) {
        var summary = com.google.gson.JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("summaries")
                .get(0).getAsJsonObject();
        assertEquals("sparsepocket-oof", summary.get("tool").getAsString());
        return summary.get("proteins").getAsInt();
    }

    private static List<ComplexFiles> concat(List<ComplexFiles> a, List<ComplexFiles> b) {
        List<ComplexFiles> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.pockets.Point3;

class PredictionReadersTest {

    private static void assertPoint(double x, double y, double z, Point3 p) {
        assertEquals(x, p.x(), 1e-5);
        assertEquals(y, p.y(), 1e-5);
        assertEquals(z, p.z(), 1e-5);
    }

    @Test
    void fpocket4OutputFolder() {
        Path out = SharedData.require("p2rank-testdata/predictions/fpocket3/1a82a_out");
        RankedPockets r = new FpocketReader().read("1a82a", out);
        assertEquals("fpocket", r.tool());
        assertEquals(8, r.pockets().size(), "one pocket per pocketN_atm.pdb");
        RankedPocket first = r.pockets().get(0);
        assertEquals(1, first.rank());
        assertEquals(0.2515, first.score(), 1e-9);
        // mean of the 28 alpha-sphere centres in pocket1_vert.pqr (computed with awk)
        assertPoint(-0.673714, 35.408786, 2.295357, first.center());
        assertTrue(first.residues().containsAll(Set.of(new ResidueKey("A", 120, ' '), new ResidueKey("A", 9, ' '))));
        assertEquals(7, first.residues().size());
    }

    @Test
    void fpocket1CountsPocketsFromZero() {
        Path out = SharedData.require("p2rank-testdata/predictions/fpocket/1a82a_out");
        RankedPockets r = new FpocketReader().read("1a82a", out.resolve("1a82a_out.pdb"));
        assertEquals(14, r.pockets().size());
        assertEquals(37.9928, r.pockets().get(0).score(), 1e-9);
        assertEquals(35.7339, r.pockets().get(1).score(), 1e-9);
        assertPoint(13.703892, 20.017099, -2.659811, r.pockets().get(0).center());
    }

    @Test
    void fpocketOutPdbAloneGivesSphereCentresWithoutResidues(@TempDir Path tmp) throws IOException {
        Path src = SharedData.require("p2rank-testdata/predictions/fpocket3/1a82a_out/1a82a_out.pdb");
        Path dir = Files.createDirectory(tmp.resolve("1a82a_out"));
        Files.copy(src, dir.resolve("1a82a_out.pdb"));
        RankedPockets r = new FpocketReader().read("1a82a", dir);
        assertEquals(8, r.pockets().size());
        assertPoint(-0.673714, 35.408786, 2.295357, r.pockets().get(0).center());
        assertTrue(r.pockets().get(0).residues().isEmpty());
    }

    @Test
    void fpocketLocateFindsTheOutFolderByName(@TempDir Path tmp) throws IOException {
        Files.createDirectory(tmp.resolve("1abc_out"));
        Files.createDirectory(tmp.resolve("1abcd_out"));
        Files.createDirectory(tmp.resolve("2xyz_protein_out"));
        FpocketReader reader = new FpocketReader();
        assertEquals(tmp.resolve("1abc_out"), reader.locate(tmp, "1abc").orElseThrow());
        assertEquals(tmp.resolve("2xyz_protein_out"), reader.locate(tmp, "2xyz").orElseThrow());
        assertTrue(reader.locate(tmp, "3aaa").isEmpty());
    }

    @Test
    void p2rankPredictionsCsv(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("toy.pdb_predictions.csv");
        try (var in = getClass().getResourceAsStream("toy.pdb_predictions.csv")) {
            Files.copy(in, csv);
        }
        P2RankReader reader = new P2RankReader();
        assertEquals(csv, reader.locate(tmp, "toy").orElseThrow());
        RankedPockets r = reader.read("toy", csv);
        assertEquals(3, r.pockets().size());
        RankedPocket p1 = r.pockets().get(0);
        assertEquals(9.77, p1.score(), 1e-12);
        assertPoint(70.5274, 83.4375, -11.5099, p1.center());
        assertEquals(Set.of(new ResidueKey("A", 103, ' '), new ResidueKey("A", 180, ' '),
                new ResidueKey("A", 52, 'A')), p1.residues());
        assertEquals(Set.of(new ResidueKey("B", 337, ' '), new ResidueKey("", 12, ' ')), r.pockets().get(1).residues());
        assertTrue(r.pockets().get(2).residues().isEmpty());
    }

    @Test
    void p2rankFileWithoutCentresIsRejectedWithItsName(@TempDir Path tmp) throws IOException {
        Path csv = Files.writeString(tmp.resolve("x_predictions.csv"), "name,rank,score\npocket1,1,2.0\n");
        EvaluationException e = assertThrows(EvaluationException.class, () -> new P2RankReader().read("x", csv));
        assertTrue(e.getMessage().startsWith(csv.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("center_x"), e.getMessage());
    }

    @Test
    void puresnetPocketFolder() {
        Path preds = SharedData.require("p2rank-testdata/predictions/PUResNet/predictions");
        PUResNetReader reader = new PUResNetReader();
        Path a = reader.locate(preds, "A").orElseThrow();
        assertEquals("pocket", a.getFileName().toString());
        RankedPockets r = reader.read("A", a);
        // 0_A_pkt, 0_B_pkt, 1_A_pkt in cluster order; without_clus_pkt.pdb is skipped
        assertEquals(3, r.pockets().size());
        assertPoint(-7.423620, 86.835222, 17.767157, r.pockets().get(0).center());
        assertPoint(-4.911105, 96.651368, 7.986021, r.pockets().get(1).center());
        assertPoint(-9.630101, 64.616481, -12.897886, r.pockets().get(2).center());
        assertTrue(r.pockets().get(0).residues().contains(new ResidueKey("A", 135, ' ')));
        assertTrue(r.pockets().get(1).residues().stream().allMatch(k -> k.chainId().equals("B")));
    }

    @Test
    void puresnetWithoutPocketsGivesAnEmptyPrediction() {
        Path preds = SharedData.require("p2rank-testdata/predictions/PUResNet/predictions");
        PUResNetReader reader = new PUResNetReader();
        RankedPockets r = reader.read("D", reader.locate(preds, "D").orElseThrow());
        assertEquals(List.of(), r.pockets());
    }

    @Test
    void predictionsFolderTakesPrecedenceOverTheDatasetsPredictionColumn() {
        Path fpocket1 = SharedData.require("p2rank-testdata/predictions/fpocket/1a82a_out/1a82a_out.pdb");
        Path fpocket4Dir = SharedData.require("p2rank-testdata/predictions/fpocket3");
        DatasetItem item = new DatasetItem("1a82a", Path.of("unused.pdb"), null, fpocket1);
        var empty = new org.sparsepocket.structure.Structure("1a82a", List.of(), List.of(), List.of());
        assertEquals(14, new ToolFilesSource(new FpocketReader(), null).predict(item, empty).pockets().pockets().size());
        assertEquals(8, new ToolFilesSource(new FpocketReader(), fpocket4Dir).predict(item, empty).pockets().pockets().size());
    }

    @Test
    void residueKeyParsing() {
        assertEquals(new ResidueKey("A", -3, ' '), ResidueKey.parseChainUnderscoreNumber("A_-3"));
        assertEquals(new ResidueKey("AB", 7, 'C'), ResidueKey.parseChainUnderscoreNumber("AB_7C"));
        assertThrows(IllegalArgumentException.class, () -> ResidueKey.parseChainUnderscoreNumber("A103"));
    }

    @Test
    void unknownToolIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PredictionReader.forTool("ligsite"));
    }
}

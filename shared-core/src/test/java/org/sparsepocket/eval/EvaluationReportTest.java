package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparsepocket.eval.EvalFixtures.atom;
import static org.sparsepocket.eval.EvalFixtures.ligandOnXAxis;
import static org.sparsepocket.eval.EvalFixtures.pocketAt;
import static org.sparsepocket.eval.EvalFixtures.res;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    private EvaluationRun run() {
        GroundTruth t = GroundTruth.of("1abc", List.of(atom("A", 1, "SER", 3, 0, 0), atom("A", 2, "GLY", 30, 0, 0)),
                List.of(ligandOnXAxis("LIG", 0)));
        EvaluationRun run = new EvaluationRun("tool", Evaluator.standard());
        run.add(t, new RankedPockets("tool", "1abc", List.of(pocketAt(1, 30, 0, 0, res(2)),
                pocketAt(2, 1, 0, 0, res(1)))), new float[] {0.9f, 0.1f});
        run.fail("2bad", "2bad_protein.pdbqt.gz: no protein atoms");
        return run;
    }

    @Test
    void csvHasOneRowPerProteinWithBestRanksAndCounts() {
        EvaluationRun run = run();
        String[] lines = EvaluationReport.proteinCsv(run.evaluator().criteria(), run.evaluations()).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("protein,tool,ligands,pockets,dca_best_ranks,dca_top_n,dca_top_n2,"));
        assertTrue(lines[0].endsWith(",atom_pr_auc,site_max_score"), lines[0]);
        // DCA: found at rank 2, the nearest centre 1 Å from the ligand atom; DCC the same (one-atom ligand).
        assertTrue(lines[1].startsWith("1abc,tool,1,2,2,0,1,1.00,2,0,1,1.00,"), lines[1]);
        // the site atom (3 Å from the ligand) scored 0.9, the other 0.1
        assertTrue(lines[1].endsWith(",1.0000,0.9000"), lines[1]);
        assertEquals(lines[0].split(",").length, lines[1].split(",", -1).length);
    }

    @Test
    void tableAndJsonCarryTheSameNumbers() {
        EvaluationRun run = run();
        EvaluationSummary s = run.summary();
        String table = EvaluationReport.table(List.of(s));
        assertTrue(table.contains("DCA 4 Å top-n"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("DCA 4 Å top-(n+2)") && l.endsWith("100.0%")), table);
        JsonObject json = JsonParser.parseString(EvaluationReport.json(List.of(s), run.failures())).getAsJsonObject();
        JsonObject tool = json.getAsJsonArray("summaries").get(0).getAsJsonObject();
        assertEquals(0.0, tool.getAsJsonObject("success").getAsJsonObject("DCA").get("topN").getAsDouble());
        assertEquals(1.0, tool.getAsJsonObject("success").getAsJsonObject("DCA").get("topNPlus2").getAsDouble());
        assertEquals(1.0, tool.get("atomPrAucPooled").getAsDouble(), 1e-12);
        assertEquals("2bad", json.getAsJsonArray("failures").get(0).getAsJsonObject().get("protein").getAsString());
    }
}

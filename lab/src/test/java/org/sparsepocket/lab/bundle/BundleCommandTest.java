package org.sparsepocket.lab.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.TestModels;
import org.sparsepocket.lab.LabRun;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.PocketModel;

/** {@code sparsepocket bundle}: a fast network and an accurate ensemble in one folder that loads, or nothing. */
class BundleCommandTest {

    @TempDir
    Path tmp;

    private static LabRun run(String... args) {
        return LabRun.of(args);
    }

    /** A copy of the committed fixture model at {@code tmp/NAME/model}, as the training runs lay them out. */
    private Path member(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name).resolve("model"));
        for (String f : List.of(ModelBundle.CARD_FILE, ModelBundle.WEIGHTS_FILE)) {
            Files.copy(TestModels.fixtureModel().resolve(f), dir.resolve(f));
        }
        return dir;
    }

    @Test
    void writesABundleWhoseAccurateModeIsTheMembersMean() throws Exception {
        Path a = member("fold0-c8");
        Path b = member("fold1-c8");
        Path out = tmp.resolve("bundle");
        LabRun r = run("bundle", "--network", TestModels.fixtureModel().toString(), "--accurate-members", a + "," + b,
                "--accurate-rotations", "2", "--accurate-pockets", "--threshold 0.3  --scorer max",
                "--fast-pockets", "--eps 6", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        ModelCard card = ModelCard.read(out.resolve(ModelBundle.CARD_FILE));
        ModelCard.Mode accurate = card.recommended().accurate();
        assertEquals(List.of("accurate/fold0-c8", "accurate/fold1-c8"), accurate.members());
        assertEquals(2, accurate.rotations());
        assertEquals(0.3, accurate.pockets().threshold());
        assertEquals("max", accurate.pockets().scorer());
        assertTrue(accurate.command().startsWith("sparsepocket bundle --network"), accurate.command());
        assertTrue(card.provenance().get("accurate_member_fold1-c8").startsWith(b.toString()),
                card.provenance().toString());
        ModelCard.Mode networkFast = ModelCard.read(TestModels.fixtureModel().resolve(ModelBundle.CARD_FILE))
                .recommended().fast();
        assertEquals(6.0, card.recommended().fast().pockets().eps(), "--fast-pockets sets the fast mode's radius");
        assertEquals(networkFast.pockets().threshold() == null ? org.sparsepocket.pockets.PocketSettings.DEFAULT.threshold()
                : networkFast.pockets().threshold(), card.recommended().fast().pockets().threshold(),
                "flags left out keep the network card's value");
        try (PocketModel m = PocketModel.load(out)) {
            assertEquals(2, m.forRotations(2).members());
            assertEquals(1, m.forRotations(1).members());
        }
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".partial")), "no temporary folder left");
        }
    }

    @Test
    void aMemberThatIsNoBundleFailsWithOneLineAndWritesNothing() throws Exception {
        Path out = tmp.resolve("bundle");
        Path missing = tmp.resolve("nothing-here");
        LabRun r = run("bundle", "--network", TestModels.fixtureModel().toString(), "--accurate-members",
                member("a") + "," + missing, "--accurate-rotations", "2", "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + missing) && r.err().contains("not a model bundle"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "no partial output");
        try (var files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains(".partial")), "no temporary folder left");
        }
    }

    @Test
    void anUnknownPocketFlagIsAUsageErrorNamingTheOption() throws Exception {
        LabRun r = run("bundle", "--network", TestModels.fixtureModel().toString(), "--accurate-members",
                member("a").toString(), "--accurate-rotations", "2", "--accurate-pockets", "--treshold 0.3",
                "--out", tmp.resolve("b").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--accurate-pockets \"--treshold 0.3\""), r.err());
        assertFalse(Files.exists(tmp.resolve("b")));
    }

    @Test
    void refusesAnExistingFolderTwoMembersOfOneNameAndTheFastCount() throws Exception {
        Path fixture = TestModels.fixtureModel();
        Path a = member("a");
        LabRun exists = run("bundle", "--network", fixture.toString(), "--accurate-members", a.toString(),
                "--accurate-rotations", "2", "--out", tmp.toString());
        assertEquals(2, exists.code());
        assertTrue(exists.err().contains("already exists"), exists.err());
        LabRun twice = run("bundle", "--network", fixture.toString(), "--accurate-members", a + "," + a,
                "--accurate-rotations", "2", "--out", tmp.resolve("x").toString());
        assertEquals(1, twice.code());
        assertTrue(twice.err().contains("a second member named a"), twice.err());
        LabRun fastCount = run("bundle", "--network", fixture.toString(), "--accurate-members", a.toString(),
                "--accurate-rotations", "1", "--out", tmp.resolve("y").toString());
        assertEquals(2, fastCount.code());
        assertTrue(fastCount.err().contains("fast mode's count"), fastCount.err());
    }
}

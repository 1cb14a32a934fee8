package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsepocket.structure.FetchSettings;

class PredictInputsTest {

    @TempDir
    Path tmp;

    private PredictInputs inputs() {
        return new PredictInputs(FetchSettings.fromEnvironment(Map.of("SPARSEPOCKET_CACHE", tmp.resolve("c").toString()))
                .withOffline(true), m -> { });
    }

    @Test
    void directoriesGiveTheirStructureFilesSorted() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        for (String f : List.of("b.cif.gz", "a.pdb", "c_protein.pdbqt.zst", ".hidden.pdb", "notes.txt", "x.bcif")) {
            Files.writeString(dir.resolve(f), "x");
        }
        PredictInputs in = inputs().addAll(List.of(dir.toString()));
        assertEquals(List.of("a", "b", "c_protein", "x"), in.items().stream().map(PredictionBatch.Item::stem).toList());
        assertEquals(dir.resolve("a.pdb").toString(), in.items().get(0).label());
        assertTrue(in.problems().isEmpty());
    }

    @Test
    void listFilesResolveRelativePathsAndSkipComments() throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(sub.resolve("1abc.pdb"), "x");
        Path list = Files.writeString(sub.resolve("batch.list"), "# my batch\n1abc.pdb\n\n  2XYZ  \n");
        PredictInputs in = inputs().addAll(List.of("@" + list, list.toString()));
        assertEquals(List.of("1abc", "2xyz", "1abc_2", "2xyz_2"), in.items().stream().map(PredictionBatch.Item::stem).toList());
        assertEquals(sub.resolve("1abc.pdb").toString(), in.items().get(0).label());
        assertEquals("2XYZ", in.items().get(1).label());
    }

    @Test
    void unusableArgumentsBecomeProblemsNotExceptions() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path emptyList = Files.writeString(tmp.resolve("none.txt"), "# nothing\n");
        PredictInputs in = inputs().addAll(List.of(empty.toString(), "@" + tmp.resolve("missing.txt"), emptyList.toString()));
        assertEquals(3, in.problems().size());
        assertTrue(in.problems().get(0).message().contains("holds no structure files"), in.problems().get(0).message());
        assertTrue(in.problems().get(1).message().contains("cannot read list file"), in.problems().get(1).message());
        assertTrue(in.problems().get(2).message().contains("names no inputs"), in.problems().get(2).message());
        assertTrue(in.items().isEmpty());
    }

    @Test
    void baseNamesDropStructureExtensions() {
        assertEquals("1abc_protein", PredictInputs.baseName("data/1abc_protein.pdbqt.gz"));
        assertEquals("AF-P1-F1-model_v4", PredictInputs.baseName("AF-P1-F1-model_v4.cif"));
        assertEquals("1abc", PredictInputs.baseName("1ABC"));
        assertEquals("P12345", PredictInputs.baseName("P12345"));
    }
}

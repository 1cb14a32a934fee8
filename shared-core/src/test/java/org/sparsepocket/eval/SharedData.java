package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data (relative to the repository root); tests that need it skip when it is absent. */
final class SharedData {

    private SharedData() {
    }

    /** The data folder, or a skipped test with a clear message. */
    static Path require(String sub) {
        for (Path base : new Path[] {Path.of("..", "shared", "data"), Path.of("..", "..", "shared", "data")}) {
            Path p = base.resolve(sub);
            if (Files.exists(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        assumeTrue(false, "../shared/data/" + sub + " is absent: test skipped (it needs the project's shared data)");
        throw new AssertionError("unreachable");
    }
}

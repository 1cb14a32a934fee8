package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the tests read: the shared data folder ({@code ../shared/data} from the repository root) and resources. */
final class TestData {

    private TestData() {
    }

    /** Repository root: the parent of this module's folder (Maven runs tests in the module folder). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        return Files.exists(dir.resolve("jmol-plugin")) ? dir : dir.getParent();
    }

    /** A file under ../shared/data; skips the test with a clear message when it is absent. */
    static Path shared(String relative) {
        Path p = repositoryRoot().resolve("../shared/data").resolve(relative).normalize();
        assumeTrue(Files.isRegularFile(p), "shared test data not found: " + p + " (see ../shared/data/README.md)");
        return p;
    }

    /** A structure committed under examples/ at the repository root. */
    static Path example(String name) {
        Path p = repositoryRoot().resolve("examples").resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing example structure " + p);
        }
        return p;
    }

    /** A test resource of this module as a file. */
    static Path resource(String name) {
        try {
            return Path.of(TestData.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}

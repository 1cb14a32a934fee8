package org.sparsepocket;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real inputs for end-to-end tests: the network helper's committed fixture model (a real saved model,
 * tiny and untrained, so its probabilities are meaningless but the pipeline is the product's) and the
 * committed example structure.
 */
public final class TestModels {

    private TestModels() {
    }

    /** The fixture model bundle directory. */
    public static Path fixtureModel() {
        URL url = TestModels.class.getResource("/org/sparsepocket/model/fixture-v1/model.json");
        if (url == null) {
            throw new IllegalStateException("the committed fixture model is missing from the test classpath");
        }
        if (!"file".equals(url.getProtocol())) {
            // other modules' tests see shared-core's test resources inside its test jar: use the source folder
            Path source = Path.of("../shared-core/src/test/resources/org/sparsepocket/model/fixture-v1");
            if (!Files.isDirectory(source)) {
                throw new IllegalStateException("the committed fixture model is missing: " + source.toAbsolutePath());
            }
            return source;
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The README's example structure (MMP-1, PDB 1FBL), committed under examples/. */
    public static Path example() {
        Path p = Path.of("../examples/1fbl.pdb");
        Assumptions.assumeTrue(Files.isRegularFile(p), "examples/1fbl.pdb not present");
        return p;
    }
}

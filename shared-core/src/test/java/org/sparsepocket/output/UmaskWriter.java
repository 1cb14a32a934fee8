package org.sparsepocket.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A JVM started under a given umask, for {@link OutputModesTest}: writes the full predict output of the
 * fixture structure into {@code args[0]} and one single file, {@code args[0]/single.txt}.
 */
final class UmaskWriter {

    private UmaskWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        new PredictionWriter().write(OutputFixtures.report(), out);
        AtomicFiles.writeString(out.resolve("single.txt"), "one file\n");
    }
}

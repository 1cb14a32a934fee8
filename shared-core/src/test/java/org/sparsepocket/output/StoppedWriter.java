package org.sparsepocket.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JVM stopped in the middle of writing an output folder, for {@link AtomicFilesTest}: writes one file
 * into the staging folder, says so on stdout, then waits to be killed.
 */
final class StoppedWriter {

    private StoppedWriter() {
    }

    public static void main(String[] args) throws IOException {
        AtomicFiles.writeFolder(Path.of(args[0]), staging -> {
            Files.writeString(staging.resolve("pockets.csv"), "half written");
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}

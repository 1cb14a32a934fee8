package org.sparsepocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-line error of a failed batch input, shared by the CLI and the Spark job. */
class ErrorLinesTest {

    @Test
    void namesTheInputOnceAndKeepsAComplexName() {
        assertEquals("data/1abc.pdb.gz: no protein atoms",
                ErrorLines.forInput("data/1abc.pdb.gz", "1abc: no protein atoms"));
        assertEquals("data/1abc.pdb: 1abc_A: too large", ErrorLines.forInput("data/1abc.pdb", "1abc_A: too large"));
        assertEquals("x.pdb: truncated", ErrorLines.forInput("x.pdb", "x.pdb: truncated"));
        assertEquals("x.pdb: failed", ErrorLines.forInput("x.pdb", " "));
    }

    @Test
    void kindsOfFailure() {
        assertEquals("x.pdb: bad atoms", ErrorLines.of("x.pdb", new PredictionException("x: bad\n atoms")));
        assertEquals("x.pdb: out of memory (structure too large for the Java heap; raise -Xmx)",
                ErrorLines.of("x.pdb", new OutOfMemoryError()));
        assertEquals("x.pdb: internal error: IllegalStateException: boom",
                ErrorLines.of("x.pdb", new IllegalStateException("boom")));
    }
}

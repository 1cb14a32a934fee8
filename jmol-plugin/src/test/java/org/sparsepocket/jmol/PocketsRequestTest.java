package org.sparsepocket.jmol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sparsepocket.structure.ChainMode;

class PocketsRequestTest {

    private static PocketsRequest parse(String... args) {
        return PocketsRequest.parse(List.of(args));
    }

    @Test
    void noArgumentPredictsWithTheCurrentChainMode() {
        assertNull(assertInstanceOf(PocketsRequest.Predict.class, parse()).chainMode());
        assertNull(assertInstanceOf(PocketsRequest.Predict.class, parse("predict")).chainMode());
    }

    @Test
    void accurateAndFastPredictAndSwitchTheMode() {
        var accurate = assertInstanceOf(PocketsRequest.Predict.class, parse("accurate"));
        assertEquals(Boolean.TRUE, accurate.accurate());
        assertNull(accurate.chainMode(), "keeps the chain mode");
        assertEquals(Boolean.FALSE, assertInstanceOf(PocketsRequest.Predict.class, parse("FAST")).accurate());
        assertNull(assertInstanceOf(PocketsRequest.Predict.class, parse()).accurate(), "plain pockets keeps the mode");
        assertNull(assertInstanceOf(PocketsRequest.Predict.class, parse("whole")).accurate());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("accurate", "8")).getMessage()
                .contains("takes no argument"));
        assertTrue(PocketsRequest.USAGE.contains("pockets \"accurate\""));
    }

    @Test
    void chainModes() {
        assertEquals(ChainMode.chains(List.of("A", "B")),
                assertInstanceOf(PocketsRequest.Predict.class, parse("chains", "A,B")).chainMode());
        assertEquals(ChainMode.chains(List.of("A", "B", "C")),
                assertInstanceOf(PocketsRequest.Predict.class, parse("chains", " A, B", "C")).chainMode());
        assertEquals(ChainMode.eachChain(),
                assertInstanceOf(PocketsRequest.Predict.class, parse("each-chain")).chainMode());
        assertEquals(ChainMode.whole(), assertInstanceOf(PocketsRequest.Predict.class, parse("WHOLE")).chainMode());
        assertThrows(IllegalArgumentException.class, () -> parse("chains"));
        assertThrows(IllegalArgumentException.class, () -> parse("chains", " , "));
    }

    @Test
    void thresholdIsANumberInTheUnitInterval() {
        assertEquals(0.4, assertInstanceOf(PocketsRequest.Threshold.class, parse("threshold", "0.4")).value());
        assertEquals(1.0, assertInstanceOf(PocketsRequest.Threshold.class, parse("threshold", "1")).value());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("threshold", "1.5"))
                .getMessage().contains("[0, 1]"));
        assertThrows(IllegalArgumentException.class, () -> parse("threshold", "high"));
        assertThrows(IllegalArgumentException.class, () -> parse("threshold"));
    }

    @Test
    void showHideListClearHelp() {
        assertEquals(2, assertInstanceOf(PocketsRequest.Show.class, parse("show", "2")).number());
        assertEquals(2, assertInstanceOf(PocketsRequest.Show.class, parse("show", "2.0")).number());
        assertEquals(0, assertInstanceOf(PocketsRequest.Show.class, parse("show")).number());
        assertEquals(0, assertInstanceOf(PocketsRequest.Show.class, parse("show", "all")).number());
        assertThrows(IllegalArgumentException.class, () -> parse("show", "0"));
        assertThrows(IllegalArgumentException.class, () -> parse("show", "1.5"));
        assertInstanceOf(PocketsRequest.Hide.class, parse("hide"));
        assertInstanceOf(PocketsRequest.ListPockets.class, parse("list"));
        assertInstanceOf(PocketsRequest.Clear.class, parse("clear"));
        assertInstanceOf(PocketsRequest.Help.class, parse("help"));
        assertThrows(IllegalArgumentException.class, () -> parse("hide", "1"));
    }

    @Test
    void exportNeedsOneFolder() {
        assertEquals(Path.of("/tmp/out"), assertInstanceOf(PocketsRequest.Export.class, parse("export", "/tmp/out")).folder());
        assertThrows(IllegalArgumentException.class, () -> parse("export"));
        assertThrows(IllegalArgumentException.class, () -> parse("export", ""));
    }

    @Test
    void unknownOrUnquotedActionsSayWhatToDo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("frobnicate"))
                .getMessage().contains("unknown action \"frobnicate\""));
        // A bare word arrives from Jmol as an empty string: pockets list must not start a prediction.
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("", "2"))
                .getMessage().contains("double quotes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(""))
                .getMessage().contains("double quotes"));
    }
}

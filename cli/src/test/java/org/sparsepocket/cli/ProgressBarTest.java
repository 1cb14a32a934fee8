package org.sparsepocket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void terminalBarRedrawsInPlaceAndKeepsErrorsOnTheirOwnLines() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), 4, true, null);
        bar.advance(true);
        bar.error("error: b.pdb: empty file");
        bar.advance(false);
        bar.advance(true);
        bar.advance(true);
        bar.finish();
        String s = sw.toString();
        assertTrue(s.contains("\r[#######"), s);
        assertTrue(s.contains("4/4  1 failed"), s);
        assertTrue(s.contains("\r\u001b[Kerror: b.pdb: empty file" + System.lineSeparator()), s);
        assertTrue(s.endsWith("\r\u001b[K"), "bar cleared at the end");
    }

    @Test
    void logsGetProgressLinesInsteadOfABar() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), 40, false, new BatchProgress(new PrintWriter(sw), "predict", false));
        for (int i = 0; i < 40; i++) {
            bar.advance(true);
        }
        bar.finish();
        String s = sw.toString();
        assertFalse(s.contains("\r"), s);
        assertEquals(21, s.lines().count(), "a line per 5 % (and the first item)");
        assertTrue(s.lines().allMatch(l -> l.startsWith("sparsepocket: predict: ")), s);
    }

    @Test
    void singleItemsShowNoProgress() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), 1, true, new BatchProgress(new PrintWriter(sw), "predict", false));
        bar.advance(true);
        bar.finish();
        assertEquals("", sw.toString());
    }
}

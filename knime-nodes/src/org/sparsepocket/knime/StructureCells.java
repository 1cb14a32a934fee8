package org.sparsepocket.knime;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.StringValue;
import org.knime.core.util.FileUtil;

/**
 * Reads a structure cell's string. Any column compatible with {@link StringValue} works (plain strings,
 * and chemistry types such as PDB cells that implement it). {@code knime:} URLs are resolved here, on
 * the node's own thread, because only that thread knows the workflow they are relative to; every other
 * form is left to shared-core's {@code StructureCell}.
 */
final class StructureCells {

    private StructureCells() {
    }

    static boolean isCompatible(DataColumnSpec column) {
        return column.getType().isCompatible(StringValue.class);
    }

    /** The cell's string, or {@code null} when the cell is missing. */
    static String text(DataCell cell) {
        if (cell.isMissing()) {
            return null;
        }
        String s = ((StringValue) cell).getStringValue();
        return isKnimeUrl(s) ? resolveKnimeUrl(s.strip()) : s;
    }

    private static boolean isKnimeUrl(String s) {
        return s.length() < 4096 && s.indexOf('\n') < 0
                && s.strip().toLowerCase(Locale.ROOT).startsWith("knime:");
    }

    /** A workflow-relative or mount-point URL as a local path; the URL itself when it is not local. */
    private static String resolveKnimeUrl(String url) {
        try {
            Path local = FileUtil.resolveToPath(new URI(url.replace(" ", "%20")).toURL());
            return local == null ? url : local.toString();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return url; // shared-core reports the unreadable URL as this row's error
        }
    }
}

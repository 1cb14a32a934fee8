package org.sparsepocket.structure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Resolves what a user names on the command line (or in a KNIME/Jmol dialog): an existing file path, a
 * 4-character PDB ID (downloaded from RCSB) or a UniProt accession (AlphaFold DB model), the latter two
 * through the cache of {@link FetchSettings}.
 */
public final class StructureSource {

    private static final Pattern PDB_ID = Pattern.compile("[0-9][A-Za-z0-9]{3}");
    private static final Pattern UNIPROT = Pattern.compile(
            "[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2}");

    private StructureSource() {
    }

    public static boolean isPdbId(String s) {
        return PDB_ID.matcher(s).matches();
    }

    public static boolean isUniProtAccession(String s) {
        return UNIPROT.matcher(s).matches();
    }

    /** The local file for an argument, downloading it into the cache if needed. */
    public static Path resolve(String argument, FetchSettings settings) {
        return resolve(argument, settings, message -> { });
    }

    /**
     * The local file for an argument, downloading it into the cache if needed.
     *
     * @param progress told (one line) before each actual download
     */
    public static Path resolve(String argument, FetchSettings settings, Consumer<String> progress) {
        String arg = argument.strip();
        if (arg.isEmpty()) {
            throw new StructureException("''", "empty structure argument");
        }
        Path path = Path.of(arg);
        if (Files.exists(path)) {
            return path;
        }
        if (isPdbId(arg)) {
            return new StructureFetcher(settings, progress).pdbEntry(arg);
        }
        if (isUniProtAccession(arg)) {
            return new StructureFetcher(settings, progress).alphaFoldModel(arg);
        }
        throw new StructureException(arg, "no such file, and not a PDB ID or UniProt accession");
    }

    /** Loads the structure an argument names; its name is the PDB ID or accession when fetched. */
    public static Structure load(String argument, FetchSettings settings) {
        return load(argument, settings, message -> { });
    }

    /** As {@link #load(String, FetchSettings)}, telling {@code progress} about downloads. */
    public static Structure load(String argument, FetchSettings settings, Consumer<String> progress) {
        String arg = argument.strip();
        Path file = resolve(arg, settings, progress);
        if (file.toString().equals(arg)) {
            return StructureLoader.load(file);
        }
        // A cached download: name it by the ID, and show where the file is should it be broken.
        return StructureLoader.parse(StructureInput.read(file), arg + " (cached " + file + ")",
                isPdbId(arg) ? arg.toLowerCase(Locale.ROOT) : arg.toUpperCase(Locale.ROOT));
    }
}

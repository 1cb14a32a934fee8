package org.sparsepocket.table;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import org.sparsepocket.PocketPredictor;
import org.sparsepocket.Prediction;
import org.sparsepocket.PredictionSettings;
import org.sparsepocket.runtime.EngineThreads;
import org.sparsepocket.runtime.LibraryContext;
import org.sparsepocket.structure.FetchSettings;
import org.sparsepocket.structure.Structure;
import org.sparsepocket.structure.StructureException;
import org.sparsepocket.structure.StructureLoader;
import org.sparsepocket.structure.StructureSource;
import org.sparsepocket.table.StructureCell.DatabaseId;
import org.sparsepocket.table.StructureCell.FilePath;
import org.sparsepocket.table.StructureCell.Text;
import org.sparsepocket.table.StructureCell.Url;

/**
 * Predicts the structure a table cell holds: interprets the cell ({@link StructureCell}), loads the
 * structure (text is parsed in memory, paths and URLs are read, IDs are fetched through the cache of
 * {@link FetchSettings}) and runs the facade. One instance serves a whole node execution; like the
 * facade it is safe to share between threads.
 */
public final class CellPredictor implements PredictorRun.RowPredictor, AutoCloseable {

    private final PocketPredictor predictor;
    private final PredictionSettings settings;
    private final FetchSettings fetch;

    public CellPredictor(PocketPredictor predictor, PredictionSettings settings, FetchSettings fetch) {
        this.predictor = Objects.requireNonNull(predictor, "predictor");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    /**
     * Loads the model shipped in the product, or the bundle directory that the Java system property
     * {@value #MODEL_PROPERTY} names (as in Jmol: {@code -Dsparsepocket.model=DIR} in {@code knime.ini}, e.g.
     * for the imported published weights); the prediction settings come from it
     * ({@link PredictorNodeSettings#toPredictionSettings(PocketPredictor)}). Like every call of this class it
     * runs in the libraries' context ({@link LibraryContext}), which is what makes it work inside KNIME.
     *
     * @throws org.sparsepocket.PredictionException when there is no usable model
     */
    public static CellPredictor open(PredictorNodeSettings settings) {
        String dir = System.getProperty(MODEL_PROPERTY);
        return dir == null || dir.isBlank() ? open(PocketPredictor::open, settings) : open(Path.of(dir.strip()), settings);
    }

    /** The Java system property naming a model bundle directory to use instead of the shipped model. */
    public static final String MODEL_PROPERTY = "sparsepocket.model";

    /**
     * As {@link #open(PredictorNodeSettings)} with a model bundle directory instead of the shipped model: the
     * threshold and minimum size left at the dialog's defaults are that model's tuned ones, not the shipped
     * model's.
     */
    public static CellPredictor open(Path modelDir, PredictorNodeSettings settings) {
        return open(() -> PocketPredictor.open(modelDir), settings);
    }

    private static CellPredictor open(Supplier<PocketPredictor> model, PredictorNodeSettings settings) {
        EngineThreads.configureDefault(settings.threads());   // before the engine starts; a user's choice wins
        LibraryContext.engine();
        PocketPredictor predictor = LibraryContext.call(model);
        try {
            return new CellPredictor(predictor, LibraryContext.call(() -> settings.toPredictionSettings(predictor)),
                    FetchSettings.defaults());
        } catch (RuntimeException | Error e) {   // e.g. a card naming an unknown scorer: free the network
            LibraryContext.call(() -> {
                predictor.close();
                return null;
            });
            throw e;
        }
    }

    /** The settings every structure is predicted with. */
    public PredictionSettings settings() {
        return settings;
    }

    @Override
    public Prediction predict(String rowKey, String cell) {
        return LibraryContext.call(
                () -> predictor.predict(load(StructureCell.interpret(cell, rowKey), fetch), settings));
    }

    /** The structure a cell holds, loaded (see {@link #load}). */
    public Structure structure(String rowKey, String cell) {
        return LibraryContext.call(() -> load(StructureCell.interpret(cell, rowKey), fetch));
    }

    /** Predicts an already loaded structure with this predictor's settings. */
    public Prediction predict(Structure structure) {
        return LibraryContext.call(() -> predictor.predict(structure, settings));
    }

    /** Where structures named by ID come from (also used for ligand URLs). */
    FetchSettings fetchSettings() {
        return fetch;
    }

    /**
     * Loads the structure a cell names.
     *
     * @throws StructureException (a {@link org.sparsepocket.PredictionException}) naming the input
     */
    public static Structure load(StructureCell cell, FetchSettings fetch) {
        if (cell instanceof Text t) {
            return StructureLoader.parse(t.text().getBytes(StandardCharsets.UTF_8), t.fileName());
        }
        if (cell instanceof FilePath p) {
            return StructureLoader.load(p.path());
        }
        if (cell instanceof DatabaseId id) {
            return StructureSource.load(id.id(), fetch);
        }
        URI uri = ((Url) cell).uri();
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return StructureLoader.load(localPath(uri));
        }
        return StructureLoader.parse(download(uri, fetch), fileName(uri));
    }

    /**
     * The file a {@code file:} URL names.
     *
     * @throws StructureException naming the URL when it names no local file (e.g. "file:x.pdb", relative)
     */
    static Path localPath(URI uri) {
        try {
            return Path.of(uri);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new StructureException(uri.toString(), "not a local file URL (" + e.getMessage()
                    + "); write file:///absolute/path or the plain path");
        }
    }

    static byte[] download(URI uri, FetchSettings fetch) {
        if (fetch.offline()) {
            throw new StructureException(uri.toString(), "cannot download: offline mode");
        }
        try {
            URLConnection c = uri.toURL().openConnection();
            int timeout = (int) Math.min(Integer.MAX_VALUE, fetch.timeout().toMillis());
            c.setConnectTimeout(timeout);
            c.setReadTimeout(timeout);
            try (InputStream in = c.getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new StructureException(uri.toString(), "cannot download: " + e.getMessage());
        }
    }

    /** The URL's last path segment, which carries the format's extension. */
    static String fileName(URI uri) {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return uri.toString();
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        LibraryContext.call(() -> {
            predictor.close();
            return null;
        });
    }
}

package org.sparsepocket.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Starts Equinox, installs org.sparsepocket.core, org.sparsepocket.libs and the PyTorch native fragment
 * as built by this reactor, and runs shared-core inside the framework. Work runs on a thread whose
 * context class loader sees nothing but the JDK, as a host application may leave it: shared-core must
 * find DJL's engine and native libraries by itself. DJL extracts the natives into a fresh cache folder
 * under target/, so the extraction path is exercised too.
 */
class EquinoxPredictionTest {

    private static Path work;
    private static Framework framework;
    private static Bundle core;
    private static Bundle libs;
    private static Bundle natives;

    @BeforeAll
    static void startFramework() throws Exception {
        work = Path.of(System.getProperty("sparsepocket.osgi.work"));
        Files.createDirectories(work);
        // Read by DJL inside the framework (system properties are JVM-wide). A fresh engine cache
        // each run, so that DJL really extracts the natives from the fragment.
        Path engineCache = work.resolve("djl-engine-cache");
        deleteRecursively(engineCache);
        System.setProperty("ENGINE_CACHE_DIR", engineCache.toString());
        System.setProperty("DJL_CACHE_DIR", work.resolve("djl-cache").toString());

        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        framework = factory.newFramework(config);
        framework.start();
        var context = framework.getBundleContext();
        natives = context.installBundle(location("sparsepocket.bundle.natives"));
        libs = context.installBundle(location("sparsepocket.bundle.libs"));
        core = context.installBundle(location("sparsepocket.bundle.core"));
        core.start();
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(30_000);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    /** Installs by reference, so Equinox reads the jar (or target/classes folder) where it lies. */
    private static String location(String property) throws IOException {
        String path = System.getProperty(property);
        assertNotNull(path, property + " is not set (run through Maven)");
        Path p = Path.of(path).toAbsolutePath();
        assertTrue(Files.exists(p), p + " does not exist");
        return "reference:" + p.toUri();
    }

    @Test
    void bundlesResolveAndWireAsDesigned() {
        assertEquals("org.sparsepocket.core", core.getSymbolicName());
        assertEquals(Bundle.ACTIVE, core.getState());
        assertEquals(Bundle.RESOLVED, libs.getState());
        assertEquals(Bundle.RESOLVED, natives.getState());
        // The core imports DJL from the libs bundle, not from anything else.
        var djl = core.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .filter(w -> "ai.djl.engine".equals(w.getCapability().getAttributes().get("osgi.wiring.package")))
                .findFirst().orElseThrow(() -> new AssertionError("core does not import ai.djl.engine"));
        assertEquals(libs, djl.getProvider().getBundle());
        // The fragment is attached to the libs bundle.
        assertEquals(1, libs.adapt(BundleWiring.class).getProvidedWires("osgi.wiring.host").size());
    }

    @Test
    void djlFindsItsEngineAndExtractsNativesInsideTheFramework() throws Exception {
        String engineName = inHostileContext(() -> {
            Class<?> loader = core.loadClass("org.sparsepocket.runtime.LibraryContext");
            Object engine = loader.getMethod("engine").invoke(null);
            return (String) engine.getClass().getMethod("getEngineName").invoke(engine);
        });
        assertEquals("PyTorch", engineName);
        try (Stream<Path> files = Files.walk(work.resolve("djl-engine-cache"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("libtorch_cpu")),
                    "libtorch_cpu was not extracted into the engine cache");
        }
    }

    /**
     * The Pocket Predictor node's logic inside the framework, through shared-core's API only: load the
     * fixture model, run the node's row loop over 1FBL's path (BioJava parsing, CDK features, DJL
     * inference, DBSCAN, PDB text, the HTML report with its embedded viewer) and a malformed row.
     * Threshold 0 makes every atom a pocket candidate, so the untrained fixture model gives pockets
     * whatever its probabilities.
     */
    @Test
    void predictsPocketsInsideTheFramework() throws Exception {
        Path model = Path.of(System.getProperty("sparsepocket.fixture.model"));
        Path example = Path.of(System.getProperty("sparsepocket.example"));
        assertTrue(Files.isDirectory(model), model + " missing");
        assertTrue(Files.isRegularFile(example), example + " missing");
        Map<String, Object> out = inHostileContext(() -> {
            Class<?> settingsType = core.loadClass("org.sparsepocket.table.PredictorNodeSettings");
            Class<?> cellPredictor = core.loadClass("org.sparsepocket.table.CellPredictor");

            // From the node's defaults through its with... methods, as the dialog builds them, so a new
            // setting does not change this test.
            Object settings = settingsType.getField("DEFAULT").get(null);
            settings = settingsType.getMethod("withThreshold", Double.class).invoke(settings, 0.0);
            settings = settingsType.getMethod("withMinPocketSize", Integer.class).invoke(settings, 5);
            settings = settingsType.getMethod("withMaxPockets", int.class).invoke(settings, 0);
            settings = settingsType.getMethod("withThreads", int.class).invoke(settings, 1);
            settings = settingsType.getMethod("withFailOnError", boolean.class).invoke(settings, false);
            // Each structure's HTML report too: the page embeds 3Dmol.js, read from inside the bundle.
            settings = settingsType.getMethod("withReportFolder", String.class)
                    .invoke(settings, work.resolve("reports").toString());
            Object predictor = cellPredictor.getMethod("open", Path.class, settingsType).invoke(null, model, settings);
            Class<?> predictionSettings = core.loadClass("org.sparsepocket.PredictionSettings");
            Object reports = core.loadClass("org.sparsepocket.table.ReportFolder")
                    .getMethod("of", settingsType, predictionSettings).invoke(null, settings, call(predictor, "settings"));
            return runNode(settings, predictor, reports, List.of(Map.entry("Row0", example.toString()),
                    Map.entry("Row1", "HEADER    NOTHING\nnot a structure\n")));
        });

        assertEquals(1L, out.get("failed"));
        @SuppressWarnings("unchecked")
        List<List<?>> rows = (List<List<?>>) out.get("pocketRows");
        List<?> first = rows.get(0);
        assertEquals("Row0", first.get(0));
        assertEquals("1fbl", first.get(1));
        assertEquals(1, first.get(3)); // rank
        // Threshold 0 puts every atom into clustering; the shipped settings then split the blob into pockets.
        assertTrue((Integer) first.get(18) >= 3, "top pocket atoms: " + first.get(18));
        assertTrue(((String) first.get(19)).contains("ATOM  "), "pocket atoms as PDB text");
        List<?> last = rows.get(rows.size() - 1);
        assertEquals("Row1", last.get(0));
        assertTrue(((String) last.get(20)).startsWith("Row1: "), "error column: " + last.get(20));
        // The Report column (last): the page of 1FBL, written inside the framework; none for the bad row.
        Path page = Path.of((String) first.get(21));
        assertEquals(work.resolve("reports").resolve("1fbl.html"), page);
        assertTrue(Files.readString(page).contains("$3Dmol"), "the report embeds the viewer");
        assertEquals(null, last.get(21));
        @SuppressWarnings("unchecked")
        List<List<?>> residues = (List<List<?>>) out.get("residueRows");
        assertTrue(residues.size() > 150, "one residue row per residue of 1FBL, got " + residues.size());
        for (List<?> r : residues) {
            double max = (Double) r.get(8);
            assertTrue(max >= 0 && max <= 1, "probability " + max);
        }
        @SuppressWarnings("unchecked")
        Map<String, Double> variables = (Map<String, Double>) out.get("variables");
        assertEquals(first.get(7), variables.get("pocket_center_x"));
        assertEquals(first.get(10), variables.get("pocket_box_center_x"));
        assertEquals(first.get(16), variables.get("pocket_radius"));
    }

    /**
     * The shipped model as the KNIME node opens it by default, inside the framework: the network and the
     * surface second opinion (XGBoost's native library loaded from inside the bundle), fused. On 1FBL the
     * rank-1 pocket is the inhibitor's site at the catalytic zinc, and the surface points add pockets the
     * network alone does not have (it gives 3).
     */
    @Test
    void theShippedFusedModelPredictsInsideTheFramework() throws Exception {
        Path example = Path.of(System.getProperty("sparsepocket.example"));
        Map<String, Object> out = inHostileContext(() -> {
            Class<?> settingsType = core.loadClass("org.sparsepocket.table.PredictorNodeSettings");
            Object settings = settingsType.getField("DEFAULT").get(null);
            settings = settingsType.getMethod("withThreads", int.class).invoke(settings, 1);
            Object predictor = core.loadClass("org.sparsepocket.table.CellPredictor").getMethod("open", settingsType)
                    .invoke(null, settings);
            return runNode(settings, predictor, java.util.Optional.empty(),
                    List.of(Map.entry("Row0", example.toString())));
        });
        @SuppressWarnings("unchecked")
        List<List<?>> rows = (List<List<?>>) out.get("pocketRows");
        assertTrue(rows.size() > 3, "fused pockets of 1FBL: " + rows.size());
        List<?> first = rows.get(0);
        assertEquals(1, first.get(3));
        // the DCA criterion: the rank-1 centre within 4 Å of a heavy atom of the inhibitor HTA at the zinc site
        double nearest = java.nio.file.Files.readAllLines(example).stream()
                .filter(l -> l.startsWith("HETATM") && l.substring(17, 20).equals("HTA"))
                .mapToDouble(l -> Math.sqrt(Math.pow(Double.parseDouble(l.substring(30, 38)) - (Double) first.get(7), 2)
                        + Math.pow(Double.parseDouble(l.substring(38, 46)) - (Double) first.get(8), 2)
                        + Math.pow(Double.parseDouble(l.substring(46, 54)) - (Double) first.get(9), 2)))
                .min().orElseThrow();
        assertTrue(nearest < 4.0, "rank-1 centre " + first.subList(7, 10) + " is " + nearest + " Å from HTA");
    }

    /**
     * The node's row loop ({@code PredictorRun.run}) over (row id, structure path or text) pairs, inside the
     * framework; closes the predictor. Returns the run's failed count and flow variables and every pocket and
     * residue row's values.
     */
    private static Map<String, Object> runNode(Object settings, Object predictor, Object reports,
                                               List<Map.Entry<String, String>> rows) throws Exception {
        Class<?> settingsType = core.loadClass("org.sparsepocket.table.PredictorNodeSettings");
        Class<?> run = core.loadClass("org.sparsepocket.table.PredictorRun");
        Class<?> input = core.loadClass("org.sparsepocket.table.PredictorRun$Input");
        Class<?> output = core.loadClass("org.sparsepocket.table.PredictorRun$Output");
        Class<?> rowPredictor = core.loadClass("org.sparsepocket.table.PredictorRun$RowPredictor");
        List<Object> pocketRows = new ArrayList<>();
        List<Object> residueRows = new ArrayList<>();
        Object sink = Proxy.newProxyInstance(output.getClassLoader(), new Class<?>[] {output},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "pocketRow" -> pocketRows.add(args[0]);
                        case "residueRow" -> residueRows.add(args[0]);
                        default -> { }
                    }
                    return null;
                });
        List<Object> inputs = new ArrayList<>();
        for (Map.Entry<String, String> r : rows) {
            inputs.add(input.getConstructors()[0].newInstance(r.getKey(), r.getValue()));
        }
        Map<String, Object> seen = new HashMap<>();
        try {
            Object result = run.getMethod("run", java.util.Iterator.class, settingsType, rowPredictor,
                            java.util.Optional.class, output)
                    .invoke(null, inputs.iterator(), settings, predictor, reports, sink);
            seen.put("failed", call(result, "failed"));
            seen.put("variables", call(result, "variables"));
        } finally {
            call(predictor, "close");
        }
        seen.put("pocketRows", pocketRows.stream().map(r -> (List<?>) call(r, "values")).toList());
        seen.put("residueRows", residueRows.stream().map(r -> (List<?>) call(r, "values")).toList());
        return seen;
    }

    private static Object call(Object target, String method) {
        try {
            var m = target.getClass().getMethod(method);
            m.setAccessible(true);
            return m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + " on " + target.getClass().getName(), e);
        }
    }

    /** Runs on a thread whose context class loader sees only the JDK. */
    private static <T> T inHostileContext(Callable<T> work) throws Exception {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "osgi-test-worker");
            t.setContextClassLoader(new ClassLoader(null) { });
            return t;
        });
        try {
            return ex.submit(work).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        } finally {
            ex.shutdownNow();
        }
    }

}

package org.sparsepocket.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
        // Read by DJL inside the framework (system properties are JVM-wide).
        System.setProperty("ENGINE_CACHE_DIR", work.resolve("djl-engine-cache").toString());
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
            Class<?> loader = core.loadClass("org.sparsepocket.model.EngineLoader");
            Object engine = loader.getMethod("engine").invoke(null);
            return (String) engine.getClass().getMethod("getEngineName").invoke(engine);
        });
        assertEquals("PyTorch", engineName);
        try (Stream<Path> files = Files.walk(work.resolve("djl-engine-cache"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("libtorch_cpu")),
                    "libtorch_cpu was not extracted into the engine cache");
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

package org.sparsepocket.model;

import ai.djl.engine.Engine;

/**
 * Loads DJL's engine so that it also works inside OSGi (KNIME). DJL finds its engine with
 * {@code ServiceLoader.load(EngineProvider.class)} and its native libraries with resource lookups, both
 * through the thread's context class loader, which under OSGi is whatever the host application set (or
 * nothing useful). Loading the engine with DJL's own class loader as context makes both find what ships
 * next to DJL: on a flat class path that is the application class loader, under OSGi the bundle that
 * embeds DJL and, through its fragment, the native jar. Once loaded, the engine is a JVM-wide singleton
 * and later calls need no particular context.
 */
public final class EngineLoader {

    private EngineLoader() {
    }

    /** The DJL engine, loaded on first call. DJL never downloads anything (offline mode). */
    public static Engine engine() {
        // The product ships its native libraries; a missing one must be an error, not a download.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return Engine.getInstance();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}

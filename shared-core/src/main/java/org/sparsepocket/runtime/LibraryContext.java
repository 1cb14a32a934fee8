package org.sparsepocket.runtime;

import java.util.function.Supplier;

import ai.djl.engine.Engine;

/**
 * Runs library code with the libraries' own class loader as the thread's context class loader, which
 * is what makes shared-core work inside OSGi (KNIME). Several libraries find their parts through the
 * context class loader: DJL its engine ({@code ServiceLoader.load(EngineProvider.class)}) and native
 * libraries (resource lookups), JAXB, which BioJava uses for crystallographic space groups, its
 * runtime. Under OSGi that loader is whatever the host set, often one that sees none of them (and
 * BioJava then calls {@code System.exit}). On a flat class path the libraries' loader is the
 * application class loader and nothing changes; under OSGi it is the bundle that embeds the libraries
 * and, through its fragment, PyTorch's native jar.
 */
public final class LibraryContext {

    private LibraryContext() {
    }

    /** Runs {@code work} with the libraries' class loader as context class loader, then restores it. */
    public static <T> T call(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * The DJL engine, loaded on first call within the libraries' context. The product ships its native
     * libraries, so DJL is put in offline mode: a missing library is an error, never a download. Once
     * loaded, the engine is a JVM-wide singleton and later calls need no particular context.
     */
    public static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return call(Engine::getInstance);
    }
}

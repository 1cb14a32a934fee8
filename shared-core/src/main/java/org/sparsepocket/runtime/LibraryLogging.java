package org.sparsepocket.runtime;

/**
 * Logging of the libraries (BioJava, DJL), for front ends that own their process (the CLI, the Jmol
 * launcher). Both log through SLF4J to log4j at WARN level on stderr (blank chain ids, missing mmCIF
 * categories, no GPU found); the front ends report what matters themselves, so library logging is
 * limited to errors on stderr, unless the user configured log4j. It goes to log4j's simple logger (in
 * log4j-api) rather than log4j-core: configuring log4j-core (plugin scan, XML parsing, JMX registration)
 * cost 0.7 s of every cold start (docs/speed.md). Hosts with their own logging (KNIME) do not call this.
 */
public final class LibraryLogging {

    private LibraryLogging() {
    }

    /** Errors only, on stderr, through log4j's simple logger; a no-op when the user configured log4j. */
    public static void errorsOnly() {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null
                && System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            System.setProperty("org.apache.logging.log4j.simplelog.level", "ERROR");
            System.setProperty("org.apache.logging.log4j.simplelog.logFile", "system.err");
        }
    }
}

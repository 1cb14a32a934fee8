package org.sparsepocket;

/**
 * A failure the user can act on (bad input, missing network, ...). Its message is one line that names
 * the input and the problem; front ends print it as is, without a stack trace.
 */
public class PredictionException extends RuntimeException {

    public PredictionException(String message) {
        super(message);
    }

    public PredictionException(String message, Throwable cause) {
        super(message, cause);
    }
}

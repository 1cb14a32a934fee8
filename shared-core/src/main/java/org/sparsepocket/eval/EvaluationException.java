package org.sparsepocket.eval;

/**
 * A prediction or dataset file that cannot be read or matched. Its message is one line naming the
 * file and the problem; front ends print it as is.
 */
public class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.sparsepocket.eval;

import org.sparsepocket.PredictionException;

/**
 * A prediction or dataset file that cannot be read or matched. Its message is one line naming the
 * file and the problem; front ends print it as is.
 */
public class EvaluationException extends PredictionException {

    public EvaluationException(String message) {
        super(message);
    }

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.sparsepocket.cli.puresnet;

/** A checkpoint that cannot be imported; the message is one line that names the file and the reason. */
public final class CheckpointException extends Exception {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}

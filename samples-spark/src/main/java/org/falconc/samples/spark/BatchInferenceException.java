package org.falconc.samples.spark;

/**
 * A problem with what the user gave (the model, its input, the preprocessing), found on the driver or in a
 * task. Serializable like every exception, so a task's failure reaches the driver as the cause of Spark's
 * job failure, where {@link SparkBatchInference} prints its message as one line.
 */
final class BatchInferenceException extends RuntimeException {
    BatchInferenceException(String message) {
        super(message);
    }

    BatchInferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}

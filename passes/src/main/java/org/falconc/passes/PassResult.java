package org.falconc.passes;

import java.time.Duration;

/** What one pass did in a pipeline run. */
public record PassResult(String pass, boolean changed, Duration time) {
}

package org.falconc.passes;

import java.nio.file.Path;
import java.util.List;

/**
 * What a pipeline run did: the passes that ran, in order (fewer than the pipeline's when
 * stop-after ended it early), and the IR dump files written, in order.
 */
public record PipelineResult(List<PassResult> passes, List<Path> dumpFiles) {
    public PipelineResult {
        passes = List.copyOf(passes);
        dumpFiles = List.copyOf(dumpFiles);
    }

    /** Whether any pass changed the graph. */
    public boolean changed() {
        return passes.stream().anyMatch(PassResult::changed);
    }
}

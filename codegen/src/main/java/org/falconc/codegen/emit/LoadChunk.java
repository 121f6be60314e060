package org.falconc.codegen.emit;

import java.util.List;

/**
 * Part of a large model's constructor moved to a method {@code load$<n>(WeightsFile weights)}: the
 * retained weights it stores in fields, the packed weights it builds, and the weights it reads into
 * locals {@code t<k>} for both (in index order).
 */
record LoadChunk(List<Integer> retained, List<Integer> packed, List<Integer> locals) {
    LoadChunk {
        retained = List.copyOf(retained);
        packed = List.copyOf(packed);
        locals = List.copyOf(locals);
    }
}

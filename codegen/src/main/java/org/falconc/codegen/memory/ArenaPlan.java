package org.falconc.codegen.memory;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.falconc.ir.DType;

/**
 * Where each buffer lies in its arena, and how long each arena must be.
 *
 * @param offsets      element offset by buffer id
 * @param arenaLengths elements of each arena (types without buffers are absent)
 */
public record ArenaPlan(Map<Integer, Integer> offsets, Map<DType, Integer> arenaLengths) {
    public ArenaPlan {
        offsets = Map.copyOf(offsets);
        EnumMap<DType, Integer> lengths = new EnumMap<>(DType.class);
        lengths.putAll(arenaLengths);
        arenaLengths = Collections.unmodifiableMap(lengths);
    }

    public int offset(int id) {
        Integer o = offsets.get(id);
        if (o == null) {
            throw new IllegalArgumentException("buffer " + id + " is not in the plan");
        }
        return o;
    }

    public int arenaLength(DType dtype) {
        return arenaLengths.getOrDefault(dtype, 0);
    }

    /** Bytes of all arenas together: the peak activation memory of one call. */
    public long peakBytes() {
        long bytes = 0;
        for (Map.Entry<DType, Integer> e : arenaLengths.entrySet()) {
            bytes += (long) e.getValue() * e.getKey().byteSize();
        }
        return bytes;
    }
}

package org.falconc.codegen.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.falconc.ir.DType;

/**
 * Assigns arena offsets to buffers with known lifetimes: largest buffers first, each at the lowest
 * aligned offset where it overlaps no already placed buffer that is live at the same time
 * (greedy by size, first fit). Buffers whose lifetimes are disjoint share memory.
 */
public final class ArenaPlanner {
    /** Offsets are multiples of this many elements (64 bytes of f32: a cache line, a full vector). */
    public static final int ALIGNMENT = 16;

    private ArenaPlanner() {
    }

    public static ArenaPlan plan(List<BufferLifetime> buffers) {
        Map<DType, List<BufferLifetime>> byType = new EnumMap<>(DType.class);
        for (BufferLifetime b : buffers) {
            byType.computeIfAbsent(b.dtype(), t -> new ArrayList<>()).add(b);
        }
        Map<Integer, Integer> offsets = new HashMap<>();
        Map<DType, Integer> lengths = new EnumMap<>(DType.class);
        for (Map.Entry<DType, List<BufferLifetime>> e : byType.entrySet()) {
            long length = placeAll(e.getValue(), offsets);
            if (length > Integer.MAX_VALUE) {
                throw new IllegalStateException("the " + e.getKey() + " arena would need " + length
                        + " elements, more than a Java array holds");
            }
            if (length > 0) {
                lengths.put(e.getKey(), (int) length);
            }
        }
        return new ArenaPlan(offsets, lengths);
    }

    private static long placeAll(List<BufferLifetime> buffers, Map<Integer, Integer> offsets) {
        List<BufferLifetime> order = new ArrayList<>(buffers);
        order.sort(Comparator.comparingInt(BufferLifetime::length).reversed()
                .thenComparingInt(BufferLifetime::first).thenComparingInt(BufferLifetime::id));
        List<BufferLifetime> placed = new ArrayList<>();
        long end = 0;
        for (BufferLifetime b : order) {
            if (offsets.containsKey(b.id())) {
                throw new IllegalArgumentException("buffer id " + b.id() + " appears twice");
            }
            long offset = b.length() == 0 ? 0 : lowestFit(b, placed, offsets);
            offsets.put(b.id(), (int) offset);
            if (b.length() > 0) {
                placed.add(b);
                end = Math.max(end, offset + b.length());
            }
        }
        return end;
    }

    /** The lowest aligned offset where {@code b} fits between the placed buffers live at the same time. */
    private static long lowestFit(BufferLifetime b, List<BufferLifetime> placed, Map<Integer, Integer> offsets) {
        List<long[]> busy = new ArrayList<>();
        for (BufferLifetime p : placed) {
            if (p.overlapsInTime(b)) {
                long start = offsets.get(p.id());
                busy.add(new long[] {start, start + p.length()});
            }
        }
        busy.sort(Comparator.comparingLong(r -> r[0]));
        long candidate = 0;
        for (long[] r : busy) {
            if (candidate + b.length() <= r[0]) {
                break;
            }
            candidate = Math.max(candidate, align(r[1]));
        }
        return candidate;
    }

    private static long align(long offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}

package org.falconc.codegen.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.falconc.ir.DType;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ArenaPlannerTest {
    @RepeatedTest(50)
    void buffersLiveAtTheSameTimeNeverOverlapAndPeakIsAtMostTheSum(RepetitionInfo rep) {
        Random random = new Random(rep.getCurrentRepetition());
        List<BufferLifetime> buffers = new ArrayList<>();
        int steps = 5 + random.nextInt(40);
        for (int id = 0; id < 5 + random.nextInt(60); id++) {
            int first = random.nextInt(steps);
            int last = first + random.nextInt(Math.max(1, steps - first));
            DType t = random.nextInt(4) == 0 ? DType.I64 : DType.F32;
            buffers.add(new BufferLifetime(id, t, random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(5000), first, last));
        }
        ArenaPlan plan = ArenaPlanner.plan(buffers);
        long naive = 0;
        for (BufferLifetime a : buffers) {
            int oa = plan.offset(a.id());
            assertEquals(0, oa % ArenaPlanner.ALIGNMENT, "aligned");
            assertTrue(oa + a.length() <= plan.arenaLength(a.dtype()), "inside the arena");
            naive += (long) a.length() * a.dtype().byteSize();
        }
        assertNoSharedElementAtAnyStep(buffers, plan, steps);
        assertTrue(plan.peakBytes() <= naive + (long) buffers.size() * ArenaPlanner.ALIGNMENT * 8,
                "peak " + plan.peakBytes() + " vs sum " + naive);
    }

    /**
     * Independently of the planner's notion of overlap: step by step, marks every element of each
     * arena that a live buffer (first <= step <= last, both inclusive) occupies, and fails when an
     * element is marked twice.
     */
    private static void assertNoSharedElementAtAnyStep(List<BufferLifetime> buffers, ArenaPlan plan, int steps) {
        for (int step = 0; step < steps; step++) {
            java.util.Map<DType, int[]> owner = new java.util.HashMap<>();
            for (BufferLifetime b : buffers) {
                if (step < b.first() || step > b.last()) {
                    continue;
                }
                int[] cells = owner.computeIfAbsent(b.dtype(), t -> {
                    int[] c = new int[plan.arenaLength(t)];
                    java.util.Arrays.fill(c, -1);
                    return c;
                });
                int offset = plan.offset(b.id());
                for (int e = offset; e < offset + b.length(); e++) {
                    assertEquals(-1, cells[e], "step " + step + ": element " + e + " of the " + b.dtype()
                            + " arena holds buffers " + cells[e] + " and " + b.id());
                    cells[e] = b.id();
                }
            }
        }
    }

    @Test
    void theOverlapCheckCatchesTwoLiveBuffersAtOneOffset() {
        List<BufferLifetime> buffers = List.of(new BufferLifetime(0, DType.F32, 10, 0, 1),
                new BufferLifetime(1, DType.F32, 10, 1, 2));
        ArenaPlan wrong = new ArenaPlan(java.util.Map.of(0, 0, 1, 0), java.util.Map.of(DType.F32, 16));
        assertThrows(AssertionError.class, () -> assertNoSharedElementAtAnyStep(buffers, wrong, 3));
        ArenaPlan right = new ArenaPlan(java.util.Map.of(0, 0, 1, 16), java.util.Map.of(DType.F32, 32));
        assertNoSharedElementAtAnyStep(buffers, right, 3);
    }

    @Test
    void disjointLifetimesShareMemory() {
        ArenaPlan plan = ArenaPlanner.plan(List.of(
                new BufferLifetime(0, DType.F32, 1000, 0, 1),
                new BufferLifetime(1, DType.F32, 1000, 1, 2),
                new BufferLifetime(2, DType.F32, 1000, 2, 3)));
        assertEquals(plan.offset(0), plan.offset(2), "0 and 2 are never live together");
        assertEquals(1008 + 1000, plan.arenaLength(DType.F32), "two buffers at the peak, the second aligned");
        assertEquals((1008 + 1000) * 4L, plan.peakBytes());
    }

    @Test
    void emptyPlanHasNoArenas() {
        ArenaPlan plan = ArenaPlanner.plan(List.of());
        assertEquals(0, plan.peakBytes());
        assertTrue(plan.arenaLengths().isEmpty());
    }
}

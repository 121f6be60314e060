package org.falconc.runtime.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ThreadPoolTest {

    @Test
    void everyTaskRunsExactlyOnce() {
        for (int threads : new int[] {1, 2, 3, 5}) {
            ThreadPool pool = ThreadPool.of(threads);
            for (int tasks : new int[] {0, 1, 2, 7, 1000}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, tasks));
                pool.parallelFor(tasks, t -> runs.incrementAndGet(t));
                for (int t = 0; t < tasks; t++) {
                    assertEquals(1, runs.get(t), "threads " + threads + " task " + t);
                }
            }
        }
    }

    @Test
    void singleThreadRunsInlineOnTheCaller() {
        ThreadPool pool = ThreadPool.of(1);
        Thread caller = Thread.currentThread();
        pool.parallelFor(50, (t, lane) -> {
            assertSame(caller, Thread.currentThread());
            assertEquals(0, lane);
        });
    }

    @Test
    void concurrentLanesAreDistinctAndInRange() {
        ThreadPool pool = ThreadPool.of(3);
        for (int round = 0; round < 50; round++) {
            AtomicIntegerArray busy = new AtomicIntegerArray(3);
            pool.parallelFor(200, (t, lane) -> {
                assertTrue(lane >= 0 && lane < 3, "lane " + lane);
                assertEquals(1, busy.incrementAndGet(lane), "lane shared by two threads at once");
                Thread.onSpinWait();
                busy.decrementAndGet(lane);
            });
        }
    }

    @Test
    void manyCallersShareOnePool() throws Exception {
        ThreadPool pool = ThreadPool.of(2);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> sums = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int seed = c;
                sums.add(callers.submit(() -> {
                    long total = 0;
                    for (int round = 0; round < 200; round++) {
                        long[] parts = new long[64];
                        pool.parallelFor(64, t -> parts[t] = (long) t * seed);
                        for (long p : parts) {
                            total += p;
                        }
                    }
                    return total;
                }));
            }
            for (int c = 0; c < 8; c++) {
                assertEquals(200L * c * (63 * 64 / 2), sums.get(c).get());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void nestedLoopsDoNotDeadlock() {
        ThreadPool pool = ThreadPool.of(2);
        AtomicIntegerArray runs = new AtomicIntegerArray(16 * 16);
        pool.parallelFor(16, outer -> pool.parallelFor(16, inner -> runs.incrementAndGet(outer * 16 + inner)));
        for (int i = 0; i < 256; i++) {
            assertEquals(1, runs.get(i));
        }
    }

    @Test
    void taskFailureIsRethrownToTheCaller() {
        ThreadPool pool = ThreadPool.of(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.parallelFor(100, t -> {
            if (t == 37) {
                throw new IllegalStateException("task 37");
            }
        }));
        assertEquals("task 37", e.getMessage());
        // The pool still works afterwards.
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        pool.parallelFor(10, t -> runs.incrementAndGet(t));
        assertEquals(1, runs.get(9));
    }

    @Test
    void parallelRangeCoversEveryElementOnce() {
        ThreadPool pool = ThreadPool.of(2);
        AtomicIntegerArray hits = new AtomicIntegerArray(1001);
        pool.parallelRange(1001, 10, (start, end, lane) -> {
            for (int i = start; i < end; i++) {
                hits.incrementAndGet(i);
            }
        });
        for (int i = 0; i < 1001; i++) {
            assertEquals(1, hits.get(i));
        }
    }

    @Test
    void scratchIsPerLaneAndReused() {
        ExecutionContext ctx = new ExecutionContext(ThreadPool.of(2));
        float[] a = ctx.scratch(0, 3, 100);
        assertTrue(a.length >= 100);
        assertSame(a, ctx.scratch(0, 3, 50));
        assertTrue(ctx.scratch(1, 3, 10) != a);
        float[] big = ctx.scratch(0, 40, 10);
        assertTrue(big.length >= 10);
    }

    @Test
    void threadsPropertyIsTheDefault() {
        String old = System.getProperty(ThreadPool.THREADS_PROPERTY);
        try {
            System.setProperty(ThreadPool.THREADS_PROPERTY, "3");
            assertEquals(3, ThreadPool.defaultThreads());
            System.clearProperty(ThreadPool.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), ThreadPool.defaultThreads());
        } finally {
            if (old != null) {
                System.setProperty(ThreadPool.THREADS_PROPERTY, old);
            }
        }
    }
}

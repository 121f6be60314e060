package org.falconc.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The harness's arithmetic on a fake clock: which engine runs when, what each round's time is, the
 * per-round ratio and the latency statistics. Deterministic: the real clock is used only by benchmarks.
 */
class RotatingRoundsTest {
    /** A clock that moves only when an engine runs. */
    private static final class FakeClock implements RotatingRounds.Clock {
        long now;

        @Override
        public long nanos() {
            return now;
        }
    }

    /** An engine that "takes" costs[sample % costs.length] nanoseconds of the fake clock and logs its runs. */
    private record FakeEngine(String name, FakeClock clock, long[] costs, List<String> log) implements InferenceEngine {
        @Override
        public Map<String, float[]> run(int sample) {
            log.add(name + sample);
            clock.now += costs[sample % costs.length];
            return Map.of();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void rotatesTheFirstEngineAndTimesEachRunOnTheClock() throws Exception {
        FakeClock clock = new FakeClock();
        List<String> log = new ArrayList<>();
        FakeEngine a = new FakeEngine("a", clock, new long[] {3_000_000, 5_000_000}, log);
        FakeEngine b = new FakeEngine("b", clock, new long[] {2_000_000}, log);
        RotatingRounds r = RotatingRounds.run(List.of(a, b), 2, 0, 4, clock);

        // two warm-up rounds (a first), then timed rounds starting with a, b, a, b
        assertEquals(List.of("a0", "b0", "a1", "b1", "a0", "b0", "b1", "a1", "a2", "b2", "b3", "a3"), log);
        assertArrayEquals(new long[] {3_000_000, 5_000_000, 3_000_000, 5_000_000}, r.of(0));
        assertArrayEquals(new long[] {2_000_000, 2_000_000, 2_000_000, 2_000_000}, r.of(1));
        // ratios 1.5, 2.5, 1.5, 2.5: median 2.0
        assertEquals(2.0, r.medianRatio(0, 1), 1e-12);
        assertEquals((2.0 / 5 + 2.0 / 3) / 2, r.medianRatio(1, 0), 1e-12); // ratios 2/3, 2/5: not 1 / 2.0

        LatencyStats s = LatencyStats.of(r.of(0));
        assertEquals(4.0, s.medianMs(), 1e-12);
        assertEquals(3.0, s.p10Ms(), 1e-12);
        assertEquals(5.0, s.p90Ms(), 1e-12);
        assertEquals(250.0, s.throughput(), 1e-9); // 4 inferences in 16 ms
    }

    @Test
    void warmsUpUntilBothTheRoundsAndTheSecondsHavePassed() throws Exception {
        FakeClock clock = new FakeClock();
        List<String> log = new ArrayList<>();
        FakeEngine a = new FakeEngine("a", clock, new long[] {100_000_000}, log); // 0.1 s per run
        RotatingRounds.run(List.of(a), 1, 0.35, 1, clock);
        // warm-up runs at t = 0, 0.1, 0.2, 0.3 (the fourth ends at 0.4 >= 0.35), then one timed run
        assertEquals(5, log.size());
    }

    @Test
    void timesAnEngineAloneOnTheClockAfterItsOwnWarmUp() throws Exception {
        FakeClock clock = new FakeClock();
        List<String> log = new ArrayList<>();
        FakeEngine a = new FakeEngine("a", clock, new long[] {1_000_000, 2_000_000, 3_000_000}, log);
        long[] t = RotatingRounds.alone(a, 5, clock);
        // max(3, 5 / 5) = 3 untimed runs (samples 0..2), then samples 0..4 timed
        assertEquals(8, log.size());
        assertArrayEquals(new long[] {1_000_000, 2_000_000, 3_000_000, 1_000_000, 2_000_000}, t);
    }
}

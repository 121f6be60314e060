package org.falconc.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.falconc.codegen.SampleGraphs;
import org.falconc.codegen.TestModels;
import org.falconc.ir.Graph;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One model instance called from many threads at once gives the single-threaded results. */
class ConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void eightThreadsTimesTwoHundredCallsEqualSequentialResults() throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get("ConvNet"));
        Class<?> type = TestModels.load(g, "Concurrent", dir).getClass();
        // The shared instance has a pool of its own, so concurrent calls also share its workers.
        CompiledModel shared = ((ModelBuilder<?>) type.getMethod("builder").invoke(null)).threads(4).build();
        CompiledModel single = ((ModelBuilder<?>) type.getMethod("builder").invoke(null)).threads(1).build();
        int distinct = 16;
        List<Map<String, float[]>> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            inputs.add(TestModels.randomInputs(g, 100 + i));
            expected.add(single.run(inputs.get(i)).get("p"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int call = 0; call < 200; call++) {
                        int which = (thread * 31 + call) % distinct;
                        assertArrayEquals(expected.get(which), shared.run(inputs.get(which)).get("p"),
                                "thread " + thread + " call " + call);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.falconc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.model.CompiledModel;
import org.falconc.runtime.model.ModelBuilder;

/**
 * Runs in a fresh JVM whose class path is a compiled model jar plus this one class (so it may use only
 * the JDK and the runtime classes in the jar, and has no nested classes). Prints {@code key=value}
 * lines that {@link FreshJvmProbe} reads:
 * <ul>
 *   <li>{@code load_ns}: loading the model class, reading and packing its weights (the builder);
 *   <li>{@code first_run_ns}: the first inference (interpreted and C1 code, arenas allocated);
 *   <li>{@code heap_baseline_bytes}: heap used after a forced GC, once the model has run (weights,
 *       packed weights, arenas, scratch);
 *   <li>{@code heap_peak_bytes}: the sum of the heap pools' peak usage over further inferences,
 *       peaks reset after that GC (an upper bound: the pools may peak at different moments, and
 *       garbage counts until collected).
 * </ul>
 * Arguments: model class name, threads, inferences for the heap measurement.
 */
public final class FirstInferenceMain {
    private FirstInferenceMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String className = args[0];
        int threads = Integer.parseInt(args[1]);
        int heapRuns = Integer.parseInt(args[2]);
        Class<?> type = Class.forName(className);
        ModelBuilder<?> builder = (ModelBuilder<?>) type.getMethod("builder").invoke(null);
        CompiledModel model = builder.threads(threads).build();
        long loaded = System.nanoTime();
        Map<String, Object> inputs = inputs(model);
        long inputsMade = System.nanoTime();
        model.runArrays(inputs);
        long firstRun = System.nanoTime();
        System.out.println("first_run_done"); // the parent notes the wall time from its spawn to here
        System.out.flush();

        List<MemoryPoolMXBean> heapPools = new java.util.ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                heapPools.add(pool);
            }
        }
        System.gc();
        long baseline = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            baseline += pool.getUsage().getUsed();
            pool.resetPeakUsage();
        }
        for (int i = 0; i < heapRuns; i++) {
            model.runArrays(inputs);
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        System.out.println("load_ns=" + (loaded - start));
        System.out.println("first_run_ns=" + (firstRun - inputsMade));
        System.out.println("heap_baseline_bytes=" + baseline);
        System.out.println("heap_peak_bytes=" + peak);
        System.out.println("gemm_kernel=" + MicroKernels.best().name());
        System.out.flush();
        System.exit(0); // the model's pool threads are daemons, but do not wait for anything else
    }

    /** Deterministic inputs of each input's element type and shape. */
    private static Map<String, Object> inputs(CompiledModel model) {
        Random rnd = new Random(42);
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (String name : model.inputNames()) {
            int n = 1;
            for (int d : model.inputShape(name)) {
                n *= d;
            }
            Object data;
            switch (model.inputType(name)) {
                case "f32" -> {
                    float[] f = new float[n];
                    for (int i = 0; i < n; i++) {
                        f[i] = rnd.nextFloat();
                    }
                    data = f;
                }
                case "i64" -> data = new long[n];
                case "i32" -> data = new int[n];
                default -> data = new boolean[n];
            }
            inputs.put(name, data);
        }
        return inputs;
    }
}

package org.falconc.bench;

import java.nio.file.Path;
import java.util.List;
import org.falconc.runtime.io.ImagePreset;

/**
 * What {@code falconc bench MODEL} runs.
 *
 * @param model      the ONNX model
 * @param threads    thread counts, each a full comparison
 * @param warmup     untimed rounds per thread count (each engine runs once per round), at least
 * @param warmupSeconds untimed time per thread count, at least
 * @param rounds     timed rounds per thread count
 * @param images     directory of photos for the inputs, or null for random data
 * @param preset     preprocessing of the photos, or null to choose it from the input shape
 * @param freshJvm   whether to measure time to first inference and heap in a fresh JVM
 * @param ortSpinning whether ORT's idle intra-op workers spin (ORT's default) or sleep at once
 * @param variants   how to compile the model (at least one; the first is the one reported as "falconc")
 */
public record BenchSettings(Path model, List<Integer> threads, int warmup, double warmupSeconds, int rounds, Path images, ImagePreset preset,
                            boolean freshJvm, boolean ortSpinning, List<Variant> variants) {
    public BenchSettings {
        threads = List.copyOf(threads);
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("at least one compiled variant is needed");
        }
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("--threads needs thread counts >= 1, got " + threads);
        }
        if (warmup < 0 || warmupSeconds < 0 || rounds < 1) {
            throw new IllegalArgumentException("--warmup and --warmup-seconds must be >= 0 and --rounds >= 1");
        }
    }
}

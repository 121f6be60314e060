package org.falconc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.falconc.runtime.gemm.MicroKernels;
import org.falconc.runtime.profile.MachinePeak;

/**
 * What a benchmark ran on: numbers are only comparable with the same JDK, GEMM kernel and CPU.
 *
 * @param date        when the benchmark started (ISO date and time with offset)
 * @param jdk         {@code java.version} and {@code java.vm.name}
 * @param vectorApi   whether jdk.incubator.vector is in the boot layer
 * @param gemmKernel  the micro-kernel falconc's GEMM uses ({@link MicroKernels#best()})
 * @param cpu         the CPU model from /proc/cpuinfo ("unknown" elsewhere)
 * @param processors  processors available to the JVM
 * @param ortVersion  the ONNX Runtime library version
 * @param peak        the measured fp32 FMA peak per core, or null without the Vector API
 */
public record Environment(String date, String jdk, boolean vectorApi, String gemmKernel, String cpu, int processors,
                          String ortVersion, MachinePeak peak) {

    /** Also measures the peak (some 0.4 s), first, while neither engine's threads are around. */
    public static Environment current() {
        MachinePeak peak = MachinePeak.measure().orElse(null);
        return new Environment(ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                MicroKernels.vectorAvailable(), MicroKernels.best().name(), cpuModel(),
                Runtime.getRuntime().availableProcessors(), OrtEngine.environment().getVersion(), peak);
    }

    /** The peak as the environment line names it, or {@link MachinePeak#NOT_AVAILABLE}. */
    public String peakDescription() {
        return peak == null ? MachinePeak.NOT_AVAILABLE : peak.describe();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is hidden: the model is unknown, the benchmark still runs
        }
        return "unknown";
    }
}

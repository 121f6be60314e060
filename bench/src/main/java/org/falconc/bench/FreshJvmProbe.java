package org.falconc.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a compiled model jar in a fresh JVM ({@code java --add-modules jdk.incubator.vector -cp
 * <jar>:<probe>}, the java of this JVM) with {@link FirstInferenceMain} as the main class: what a user
 * of the jar pays before the first result, without the harness's already-warm JIT and loaded classes.
 */
final class FreshJvmProbe {
    /** Inferences after the first one over which the heap peak is taken. */
    static final int HEAP_RUNS = 3;
    private static final long TIMEOUT_MINUTES = 10;

    private final Path probeClasses;

    /** {@code workDir} receives the probe's class file. */
    FreshJvmProbe(Path workDir) throws IOException {
        probeClasses = workDir.resolve("probe");
        String resource = FirstInferenceMain.class.getSimpleName() + ".class";
        Path target = probeClasses.resolve(FirstInferenceMain.class.getPackageName().replace('.', '/')).resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = FirstInferenceMain.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("class file " + resource + " not found next to " + FreshJvmProbe.class.getName());
            }
            Files.write(target, in.readAllBytes());
        }
    }

    FreshJvmResult run(Path jar, String className, int threads) throws IOException, InterruptedException {
        Path javaBinary = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(javaBinary.toString(), "--add-modules", "jdk.incubator.vector",
                "-cp", jar + File.pathSeparator + probeClasses, FirstInferenceMain.class.getName(),
                className, Integer.toString(threads), Integer.toString(HEAP_RUNS));
        Path stderr = Files.createTempFile(probeClasses, "stderr", ".txt");
        long spawned = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        Map<String, String> values = new HashMap<>();
        long firstDone = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("first_run_done")) {
                    firstDone = System.nanoTime();
                }
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("the fresh JVM did not finish in " + TIMEOUT_MINUTES + " minutes: " + command);
        }
        String err = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        if (p.exitValue() != 0 || firstDone < 0 || !values.containsKey("heap_peak_bytes")) {
            throw new IOException("the fresh JVM failed (exit " + p.exitValue() + "): " + String.join(" ", command)
                    + System.lineSeparator() + err.strip());
        }
        return new FreshJvmResult(Long.parseLong(values.get("load_ns")) / 1e6,
                Long.parseLong(values.get("first_run_ns")) / 1e6, (firstDone - spawned) / 1e6,
                Long.parseLong(values.get("heap_baseline_bytes")), Long.parseLong(values.get("heap_peak_bytes")),
                values.get("gemm_kernel"));
    }
}

package org.falconc.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.falconc.compiler.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code falconc bench} in a distribution without the benchmark harness: says where it is, in one line.
 * The harness brings ONNX Runtime (tens of MB of native code), which the compiler does not need.
 */
@Command(name = "bench", description = "Benchmark against ONNX Runtime: in falconc-bench.jar (./falconc bench runs it).")
final class BenchUnavailableCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        throw new UserException("falconc bench is in falconc-bench.jar (the benchmark harness with ONNX Runtime), not in "
                + "this jar: run ./falconc bench ..., or java -jar bench/target/falconc-bench.jar bench ...");
    }
}

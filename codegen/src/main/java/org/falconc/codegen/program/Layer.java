package org.falconc.codegen.program;

import java.util.List;

/**
 * The code of one ONNX node: one private method of the generated class.
 *
 * @param methodName a valid Java identifier derived from the node name, unique in the class
 * @param nodeName   the node's name in the model (may be empty)
 * @param op         the node's op
 * @param inputs     its inputs as text ({@code %x f32[1,3,32,32]}), for comments
 * @param outputs    its outputs as text
 * @param calls      the kernel calls, in order
 * @param denseMacs  multiply-accumulates of the node computed densely (0 when it is not a product)
 * @param detail     the compiler's execution decision for the profile table ("" when there is none)
 */
public record Layer(String methodName, String nodeName, String op, List<String> inputs, List<String> outputs,
                    List<KernelCall> calls, long denseMacs, String detail) {
    public Layer {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        calls = List.copyOf(calls);
    }

    /** The calls without the {@code Profiler.begin/end} brackets: what the layer computes. */
    public List<KernelCall> kernelCalls() {
        return calls.stream().filter(c -> !c.owner().equals("org/falconc/runtime/profile/Profiler")).toList();
    }

    public Layer(String methodName, String nodeName, String op, List<String> inputs, List<String> outputs,
                 List<KernelCall> calls) {
        this(methodName, nodeName, op, inputs, outputs, calls, 0, "");
    }
}

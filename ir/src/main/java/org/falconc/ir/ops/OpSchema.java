package org.falconc.ir.ops;

/**
 * What the IR knows about one op: how many inputs and outputs it takes and how its output types
 * follow from its inputs. Ops follow the newest ONNX definition (opset 25).
 */
public record OpSchema(String op, int minInputs, int maxInputs, int minOutputs, int maxOutputs,
                       TypeInference inference) {
    /** For variadic ops. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;
}

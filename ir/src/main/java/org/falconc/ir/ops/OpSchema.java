package org.falconc.ir.ops;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the IR knows about one op: how many inputs and outputs it takes, how its output types
 * follow from its inputs, and which inputs are shape operands. Ops follow the newest ONNX definition
 * (opset 25).
 *
 * @param shapeOperands indices of the inputs whose <em>value</em> the compiler must know to type the
 *     node (Reshape's shape, Slice's starts/ends/axes/steps, Resize's roi/scales/sizes, ...): type
 *     inference throws {@link NotStaticException} while one of them is not a constant. The other
 *     inputs are data: only their types matter at compile time.
 * @param attributes the attributes the op takes, name to kind ({@link org.falconc.ir.Attribute#kind()}; null:
 *     any kind); the verifier refuses any other name or kind. Registration fills it from {@link KnownAttributes}.
 */
public record OpSchema(String op, int minInputs, int maxInputs, int minOutputs, int maxOutputs,
                       TypeInference inference, Set<Integer> shapeOperands, Map<String, String> attributes) {
    /** For variadic ops. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    public OpSchema {
        shapeOperands = Set.copyOf(shapeOperands);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        for (int i : shapeOperands) {
            if (i < 0 || i >= maxInputs) {
                throw new IllegalArgumentException(op + ": shape operand " + i + " is not an input index");
            }
        }
    }

    /** An op whose inputs are all data. */
    public OpSchema(String op, int minInputs, int maxInputs, int minOutputs, int maxOutputs, TypeInference inference) {
        this(op, minInputs, maxInputs, minOutputs, maxOutputs, inference, Set.of(), KnownAttributes.of(op));
    }

    /** This schema with the given inputs declared shape operands. */
    public OpSchema withShapeOperands(int... inputs) {
        return new OpSchema(op, minInputs, maxInputs, minOutputs, maxOutputs, inference,
                Arrays.stream(inputs).boxed().collect(Collectors.toSet()), attributes);
    }

    /** Whether the op takes an attribute of this name. */
    public boolean takesAttribute(String name) {
        return attributes.containsKey(name);
    }

    /** Whether input {@code input} is a shape operand: its value, not only its type, determines the output types. */
    public boolean isShapeOperand(int input) {
        return shapeOperands.contains(input);
    }
}

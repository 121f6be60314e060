package org.falconc.compiler;

import java.util.LinkedHashMap;
import java.util.Map;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.runtime.model.CompiledModel;

/** IR tensors to and from the arrays of a compiled model's typed API ({@code runArrays}). */
public final class ModelArrays {
    private ModelArrays() {
    }

    /**
     * Runs {@code model} on the tensors by input name; returns its outputs by name, in output order.
     * Throws {@link IllegalArgumentException} naming an input whose name, element type or shape is wrong.
     */
    public static Map<String, Tensor> run(CompiledModel model, Map<String, Tensor> inputs) {
        Map<String, Object> feeds = arrays(model, inputs);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var e : model.runArrays(feeds).entrySet()) {
            out.put(e.getKey(), tensor(Shape.of(model.outputShape(e.getKey())), e.getValue()));
        }
        return out;
    }

    /** The checked arrays {@code runArrays} takes for the tensors by input name. */
    public static Map<String, Object> arrays(CompiledModel model, Map<String, Tensor> inputs) {
        Map<String, Object> feeds = new LinkedHashMap<>();
        for (var e : inputs.entrySet()) {
            if (!model.inputNames().contains(e.getKey())) {
                throw new IllegalArgumentException("unknown input '" + e.getKey() + "'; the model's inputs are "
                        + model.inputNames());
            }
            String type = model.inputType(e.getKey());
            Shape shape = Shape.of(model.inputShape(e.getKey()));
            if (!type.equals(e.getValue().dtype().text()) || !shape.equals(e.getValue().shape())) {
                throw new IllegalArgumentException("input '" + e.getKey() + "' must be " + type + shape + ", got "
                        + e.getValue().type());
            }
            feeds.put(e.getKey(), array(e.getValue()));
        }
        return feeds;
    }

    private static Object array(Tensor t) {
        return switch (t.dtype()) {
            case F32 -> t.floats();
            case I64 -> t.longs();
            case I32 -> t.ints();
            case BOOL -> t.bools();
        };
    }

    private static Tensor tensor(Shape shape, Object data) {
        if (data instanceof float[] f) {
            return Tensor.ofFloats(shape, f);
        } else if (data instanceof long[] l) {
            return Tensor.ofLongs(shape, l);
        } else if (data instanceof int[] i) {
            return Tensor.ofInts(shape, i);
        } else if (data instanceof boolean[] b) {
            return Tensor.ofBools(shape, b);
        }
        throw new IllegalArgumentException("not a tensor array: " + data);
    }
}

package org.falconc.frontend;

import java.util.Arrays;
import org.falconc.frontend.onnx.TensorShapeProto;
import org.falconc.frontend.onnx.TypeProto;
import org.falconc.frontend.onnx.ValueInfoProto;
import org.falconc.ir.DType;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;

/**
 * Gives each graph input a static type. A shape in {@link ImportOptions#inputShapes()} replaces the
 * declared one; otherwise a symbolic first dimension (dim_param or no dim_value) is the batch and
 * becomes {@link ImportOptions#defaultBatch()}, and any other symbolic dimension is an error.
 */
final class InputShapeBinder {
    private final ImportOptions options;

    InputShapeBinder(ImportOptions options) {
        this.options = options;
    }

    /** The ONNX element type number declared for a graph input or output. */
    static int elemType(ValueInfoProto v, String what) {
        TypeProto t = v.getType();
        if (!t.hasTensorType()) {
            throw new FrontendException(what + " '" + v.getName() + "' is not a tensor"
                    + (v.hasType() ? "" : " (it has no type)"));
        }
        return t.getTensorType().getElemType();
    }

    TensorType bind(ValueInfoProto input) {
        String name = input.getName();
        int onnxType = elemType(input, "graph input");
        DType dtype = DataTypes.irType(onnxType);
        if (dtype == null) {
            throw new FrontendException("graph input '" + name + "' has "
                    + (DataTypes.isKnown(onnxType) ? "unsupported element type " : "") + DataTypes.describe(onnxType));
        }
        TypeProto.Tensor tt = input.getType().getTensorType();
        int[] given = options.inputShapes().get(name);
        if (given != null) {
            return new TensorType(dtype, overridden(name, tt, given));
        }
        if (!tt.hasShape()) {
            throw new FrontendException("graph input '" + name + "' has no shape: give it in the input shapes");
        }
        TensorShapeProto shape = tt.getShape();
        int[] dims = new int[shape.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            if (d.hasDimValue() && d.getDimValue() >= 0) {
                if (d.getDimValue() > Integer.MAX_VALUE) {
                    throw new FrontendException("graph input '" + name + "' dimension " + i + " is too large: "
                            + d.getDimValue());
                }
                dims[i] = (int) d.getDimValue();
            } else if (i == 0) {
                dims[i] = options.defaultBatch();
            } else {
                String symbol = d.hasDimParam() && !d.getDimParam().isEmpty() ? " ('" + d.getDimParam() + "')" : "";
                throw new FrontendException("graph input '" + name + "' dimension " + i + symbol
                        + " is symbolic and not bound: give the input's shape in the input shapes");
            }
        }
        return new TensorType(dtype, Shape.of(dims));
    }

    private static Shape overridden(String name, TypeProto.Tensor declared, int[] given) {
        for (int d : given) {
            if (d < 0) {
                throw new FrontendException("input shape " + Arrays.toString(given) + " given for '" + name
                        + "' has a negative dimension");
            }
        }
        if (declared.hasShape() && declared.getShape().getDimCount() != given.length) {
            throw new FrontendException("input shape " + Arrays.toString(given) + " given for '" + name
                    + "' has rank " + given.length + " but the model declares rank " + declared.getShape().getDimCount());
        }
        return Shape.of(given);
    }
}

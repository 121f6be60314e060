package org.falconc.frontend;

import org.falconc.ir.Tensor;

/**
 * A tensor read from an ONNX TensorProto file, with the name stored in it (may be empty) and the ONNX
 * element type the file holds (before the conversion to an IR type: float16 and double read as f32).
 */
public record NamedTensor(String name, Tensor tensor, int onnxElemType) {
    public NamedTensor(String name, Tensor tensor) {
        this(name, tensor, DataTypes.onnxType(tensor.dtype()));
    }
}

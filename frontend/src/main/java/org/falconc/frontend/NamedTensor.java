package org.falconc.frontend;

import org.falconc.ir.Tensor;

/** A tensor read from an ONNX TensorProto file, with the name stored in it (may be empty). */
public record NamedTensor(String name, Tensor tensor) {
}

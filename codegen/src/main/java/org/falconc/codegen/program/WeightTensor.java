package org.falconc.codegen.program;

import org.falconc.ir.Tensor;

/**
 * A constant the model loads from its weights resource when it is constructed; {@link Slot.Weight}
 * refers to it by its index in {@link Program#weights()}.
 *
 * @param name the IR constant's name (for comments)
 * @param data its element type, shape and data
 */
public record WeightTensor(String name, Tensor data) {
}

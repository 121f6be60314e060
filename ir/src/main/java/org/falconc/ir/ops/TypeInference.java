package org.falconc.ir.ops;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.TensorType;

/**
 * Computes the output types of a node from its input types, attributes and constant inputs.
 * Implementations throw {@link org.falconc.ir.IrException} (via {@link Infer}) naming the node
 * when the inputs are inconsistent, and {@link NotStaticException} when an output shape depends on
 * an input value that is not a constant yet.
 */
@FunctionalInterface
public interface TypeInference {
    List<TensorType> infer(Node node);
}

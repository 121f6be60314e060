package org.falconc.interp.tensor;

import org.falconc.ir.IrException;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;

/** Allocation of kernel results with the types that type inference gave the node's outputs. */
final class Outputs {
    private Outputs() {
    }

    /** A zero tensor of output {@code i}'s inferred type. */
    static Tensor allocate(Node node, int i) {
        TensorType t = node.output(i).type();
        if (t == null) {
            throw IrException.atNode(node, "output %" + node.output(i).name() + " has no type; run type inference first");
        }
        return Tensor.zeros(t);
    }

    /**
     * A zero tensor of output {@code i}'s type, after checking that the shape the kernel derived
     * from its runtime inputs agrees with it (they differ only if a shape argument changed).
     */
    static Tensor allocate(Node node, int i, Shape computed) {
        Tensor t = allocate(node, i);
        if (!t.shape().equals(computed)) {
            throw IrException.atNode(node, "inputs give output %" + node.output(i).name() + " shape " + computed
                    + " but type inference said " + t.type());
        }
        return t;
    }
}

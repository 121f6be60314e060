package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.ConstantOfShape;

/** Reference kernel of ConstantOfShape: every element is the value attribute's single element. */
final class ConstantOfShapeKernel {
    private ConstantOfShapeKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor value = ConstantOfShape.fillValue(node);
        Tensor y = Outputs.allocate(node, 0, ConstantOfShape.outputShape(node, in.get(0)));
        for (int i = 0; i < y.numElements(); i++) {
            Elements.copy(value, 0, y, i);
        }
        return List.of(y);
    };
}

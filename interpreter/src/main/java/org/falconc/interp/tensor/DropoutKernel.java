package org.falconc.interp.tensor;

import java.util.ArrayList;
import java.util.List;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;
import org.falconc.ir.ops.tensor.Dropout;

/** Reference kernel of Dropout in inference mode: the output copies the input, the optional mask is all true. */
final class DropoutKernel {
    private DropoutKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        Dropout.checkInferenceMode(node, in.size() > 2 ? in.get(2) : null, in.size() > 1 ? in.get(1) : null);
        List<Tensor> outs = new ArrayList<>();
        Tensor y = Outputs.allocate(node, 0, x.shape());
        System.arraycopy(x.floats(), 0, y.floats(), 0, x.numElements());
        outs.add(y);
        if (node.numOutputs() > 1) {
            Tensor mask = Outputs.allocate(node, 1, x.shape());
            java.util.Arrays.fill(mask.bools(), true);
            outs.add(mask);
        }
        return outs;
    };
}

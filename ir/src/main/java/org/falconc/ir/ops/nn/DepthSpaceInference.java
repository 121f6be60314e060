package org.falconc.ir.ops.nn;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Shape;
import org.falconc.ir.TensorType;
import org.falconc.ir.ops.Infer;

/** DepthToSpace [N, C, H, W] -> [N, C/b^2, H*b, W*b] (modes DCR, CRD) and SpaceToDepth, its inverse (DCR order). */
public final class DepthSpaceInference {
    private DepthSpaceInference() {
    }

    public static List<TensorType> infer(Node node) {
        TensorType t = Infer.inputType(node, 0);
        Shape x = t.shape();
        if (x.rank() != 4) {
            throw Infer.fail(node, "input must have rank 4 (N, C, H, W), got " + t);
        }
        if (!node.attrs().has("blocksize")) {
            throw Infer.fail(node, "required attribute 'blocksize' is missing");
        }
        int b = NnAttrs.intAtLeast(node, "blocksize", 1, 1);
        Shape y;
        if (node.op().equals("DepthToSpace")) {
            NnAttrs.choice(node, "mode", "DCR", List.of("DCR", "CRD"));
            if (x.dim(1) % (b * b) != 0) {
                throw Infer.fail(node, "channels " + x.dim(1) + " are not divisible by blocksize^2 = " + (b * b));
            }
            y = Shape.of(x.dim(0), x.dim(1) / (b * b), x.dim(2) * b, x.dim(3) * b);
        } else {
            if (x.dim(2) % b != 0 || x.dim(3) % b != 0) {
                throw Infer.fail(node, "height " + x.dim(2) + " and width " + x.dim(3) + " must be divisible by blocksize " + b);
            }
            y = Shape.of(x.dim(0), x.dim(1) * b * b, x.dim(2) / b, x.dim(3) / b);
        }
        return Infer.one(new TensorType(t.dtype(), y));
    }
}

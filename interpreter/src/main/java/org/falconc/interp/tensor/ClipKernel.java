package org.falconc.interp.tensor;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.interp.ReferenceKernel;
import org.falconc.ir.Tensor;

/**
 * Reference kernel of Clip: min(max(x, min), max), so when min > max every element becomes max.
 * An absent bound does not clip.
 */
final class ClipKernel {
    private ClipKernel() {
    }

    static final ReferenceKernel KERNEL = (node, in) -> {
        Tensor x = in.get(0);
        Tensor lo = in.size() > 1 ? in.get(1) : null;
        Tensor hi = in.size() > 2 ? in.get(2) : null;
        Tensor out = Outputs.allocate(node, 0, x.shape());
        for (int i = 0; i < x.numElements(); i++) {
            if (x.dtype().isInteger()) {
                long v = x.getLong(i);
                if (lo != null) {
                    v = Math.max(v, lo.getLong(0));
                }
                if (hi != null) {
                    v = Math.min(v, hi.getLong(0));
                }
                Elements.setLong(out, i, v);
            } else {
                double v = x.getDouble(i);
                if (lo != null) {
                    v = Math.max(v, lo.getDouble(0));
                }
                if (hi != null) {
                    v = Math.min(v, hi.getDouble(0));
                }
                Elements.setDouble(out, i, v);
            }
        }
        return List.of(out);
    };
}

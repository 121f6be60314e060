package org.falconc.interp.nn;

import java.util.List;
import org.falconc.interp.Elements;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/**
 * DepthToSpace and SpaceToDepth. DCR: output (c, h*b+i, w*b+j) comes from input channel (i*b+j)*C' + c;
 * CRD: from channel c*b*b + i*b + j. SpaceToDepth is the inverse of DCR.
 */
final class DepthSpaceKernel {
    private DepthSpaceKernel() {
    }

    static List<Tensor> compute(Node node, List<Tensor> in) {
        boolean toSpace = node.op().equals("DepthToSpace");
        Tensor x = in.get(0);
        Tensor y = Tensor.zeros(node.output(0).type());
        int b = (int) node.attrs().getInt("blocksize");
        boolean crd = toSpace && node.attrs().getString("mode", "DCR").equals("CRD");
        // Iterate over the deep (channel-rich) side: (n, depth channel, h, w) <-> (n, c, h*b+i, w*b+j).
        Tensor deep = toSpace ? x : y;
        Tensor wide = toSpace ? y : x;
        int batch = deep.shape().dim(0);
        int depth = deep.shape().dim(1);
        int height = deep.shape().dim(2);
        int width = deep.shape().dim(3);
        int channels = depth / (b * b);
        int wideH = height * b;
        int wideW = width * b;
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        int dc = crd ? c * b * b + i * b + j : (i * b + j) * channels + c;
                        for (int h = 0; h < height; h++) {
                            for (int w = 0; w < width; w++) {
                                int deepAt = ((n * depth + dc) * height + h) * width + w;
                                int wideAt = ((n * channels + c) * wideH + h * b + i) * wideW + w * b + j;
                                if (toSpace) {
                                    Elements.copy(deep, deepAt, wide, wideAt);
                                } else {
                                    Elements.copy(wide, wideAt, deep, deepAt);
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.of(y);
    }
}

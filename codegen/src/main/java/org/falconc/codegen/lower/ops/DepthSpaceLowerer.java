package org.falconc.codegen.lower.ops;

import static org.falconc.codegen.lower.Args.bool;
import static org.falconc.codegen.lower.Args.i;

import org.falconc.codegen.lower.LayerBuilder;
import org.falconc.codegen.lower.Lowerer;
import org.falconc.ir.Node;

/** DepthToSpace (DCR or CRD) and SpaceToDepth on NCHW. */
final class DepthSpaceLowerer implements Lowerer {
    @Override
    public void lower(Node node, LayerBuilder layer) {
        int[] x = layer.inShape(0);
        int b = (int) node.attrs().getInt("blocksize");
        if (node.op().equals("DepthToSpace")) {
            boolean crd = node.attrs().getString("mode", "DCR").equals("CRD");
            layer.call(Runtime.DEPTH_SPACE, "depthToSpace", (crd ? "CRD" : "DCR") + " block " + b, layer.in(0), layer.out(0),
                    i(x[0]), i(x[1]), i(x[2]), i(x[3]), i(b), bool(crd));
        } else {
            layer.call(Runtime.DEPTH_SPACE, "spaceToDepth", "block " + b, layer.in(0), layer.out(0),
                    i(x[0]), i(x[1]), i(x[2]), i(x[3]), i(b));
        }
    }
}

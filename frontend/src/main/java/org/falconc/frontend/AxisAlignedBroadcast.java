package org.falconc.frontend;

import java.util.Arrays;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * Opsets before 7 aligned a broadcast operand B with A starting at an axis of A (A [2,3,4,5], B [3,4],
 * axis 1); numpy broadcasting aligns trailing dimensions. Giving B trailing ones ([3,4,1]) makes the two
 * agree. How many ones depends on A's rank, which is known during import only for graph inputs and
 * constants; otherwise the new shape of B is computed in the graph (Shape, Sub, ConstantOfShape,
 * Concat, Reshape), which fold-constants turns into a constant once shapes are inferred.
 */
final class AxisAlignedBroadcast {
    /** Every IR op {@link #align} may emit. */
    static final List<String> IR_OPS = List.of("Unsqueeze", "Shape", "Sub", "ConstantOfShape", "Concat", "Reshape");

    private AxisAlignedBroadcast() {
    }

    /** The name of B with trailing ones so that numpy broadcasting puts it at {@code axis} of A. */
    static String align(OnnxNode node, GraphBuilder out, String a, String b, long axis) {
        Shape shapeA = out.knownShape(a);
        Shape shapeB = out.knownShape(b);
        String base = node.nameBase() + "_aligned";
        if (shapeA != null && (axis < -shapeA.rank() || axis > shapeA.rank())) {
            throw node.error("axis " + axis + " is out of range for an operand of rank " + shapeA.rank());
        }
        Long fromAxis = axis < 0 ? Long.valueOf(-axis) : shapeA != null ? Long.valueOf(shapeA.rank() - axis) : null;
        if (fromAxis != null && shapeB != null) {
            long trailing = fromAxis - shapeB.rank();
            if (trailing < 0) {
                throw node.error("cannot broadcast an operand of rank " + shapeB.rank() + " at axis " + axis
                        + (shapeA != null ? " of an operand of rank " + shapeA.rank() : ""));
            }
            return withTrailingOnes(out, b, shapeB, (int) trailing, base);
        }
        String dimsFromAxis = fromAxis != null ? out.addConstant(base + "_from_axis", Tensor.vector(fromAxis))
                : out.emitTo("Sub", "", List.of(rankOf(out, a, base + "_a"),
                        out.addConstant(base + "_axis", Tensor.vector(axis))), base + "_from_axis", new Attributes());
        String dimsOfB = shapeB != null ? out.addConstant(base + "_b_shape", Tensor.vector(shapeB.dimsAsLongs()))
                : out.emitTo("Shape", "", List.of(b), base + "_b_shape", new Attributes());
        String rankOfB = shapeB != null ? out.addConstant(base + "_b_rank", Tensor.vector(shapeB.rank()))
                : out.emitTo("Shape", "", List.of(dimsOfB), base + "_b_rank", new Attributes());
        String count = out.emitTo("Sub", "", List.of(dimsFromAxis, rankOfB), base + "_ones_count", new Attributes());
        String ones = out.emitTo("ConstantOfShape", "", List.of(count), base + "_ones",
                new Attributes().setTensor("value", Tensor.vector(1)));
        String target = out.emitTo("Concat", "", List.of(dimsOfB, ones), base + "_shape",
                new Attributes().setInt("axis", 0));
        return out.emitTo("Reshape", "", List.of(b, target), base, new Attributes());
    }

    /** B with {@code trailing} dimensions of size 1 appended: a new constant when B is one, else an Unsqueeze. */
    private static String withTrailingOnes(GraphBuilder out, String b, Shape shapeB, int trailing, String base) {
        if (trailing == 0) {
            return b;
        }
        Tensor constant = out.constant(b);
        if (constant != null) {
            int[] dims = Arrays.copyOf(shapeB.dims(), shapeB.rank() + trailing);
            Arrays.fill(dims, shapeB.rank(), dims.length, 1);
            return out.addConstant(base, constant.reshape(Shape.of(dims)));
        }
        long[] axes = new long[trailing];
        for (int i = 0; i < trailing; i++) {
            axes[i] = shapeB.rank() + i;
        }
        return out.emitTo("Unsqueeze", "", List.of(b, out.addConstant(base + "_axes", Tensor.vector(axes))), base,
                new Attributes());
    }

    /** The rank of a value whose shape is unknown during import, as a 1-D i64: Shape(Shape(v)). */
    private static String rankOf(GraphBuilder out, String v, String base) {
        String dims = out.emitTo("Shape", "", List.of(v), base + "_dims", new Attributes());
        return out.emitTo("Shape", "", List.of(dims), base + "_rank", new Attributes());
    }
}

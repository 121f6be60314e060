package org.falconc.frontend;

import java.util.ArrayList;
import java.util.List;
import org.falconc.ir.Attributes;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;

/**
 * Ops where an attribute of older opsets became an input (Clip min/max before 11, Pad pads/value
 * before 11, Reshape shape before 5, Squeeze/Unsqueeze axes before 13, Slice starts/ends/axes before
 * 10, ReduceSum axes before 13 and the other reductions before 18, Dropout ratio before 12, TopK k
 * before 10). The attribute's value becomes a new graph constant wired to the input. Whether the
 * attribute is present decides, not the opset number, so slightly off-spec exporters work too.
 */
final class AttributesToInputs implements OpAdapter {
    /** How an attribute's value becomes a tensor. */
    enum Kind {
        /** ints -> 1-D i64 (axes, pads, shape, starts, ...). */
        I64_VECTOR,
        /** int -> 1-D i64 of one element (TopK k). */
        I64_SINGLETON,
        /** float -> f32 scalar (Clip bounds, Pad value, Dropout ratio). */
        F32_SCALAR
    }

    record Move(String attribute, int input, Kind kind) {
    }

    private final List<Move> moves;
    private final List<String> dropped;

    /** @param dropped legacy attributes that have no meaning for inference (e.g. Dropout is_test) */
    AttributesToInputs(List<Move> moves, List<String> dropped) {
        this.moves = List.copyOf(moves);
        this.dropped = List.copyOf(dropped);
    }

    static AttributesToInputs of(Move... moves) {
        return new AttributesToInputs(List.of(moves), List.of());
    }

    static Move move(String attribute, int input, Kind kind) {
        return new Move(attribute, input, kind);
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        Attributes attrs = node.attributes();
        List<String> inputs = new ArrayList<>(node.inputs());
        apply(node, out, attrs, inputs);
        out.emit(node.opType(), node.name(), inputs, node.outputs(), attrs);
    }

    /** Moves the attributes present in {@code attrs} into {@code inputs} (both are changed). */
    void apply(OnnxNode node, GraphBuilder out, Attributes attrs, List<String> inputs) {
        for (String d : dropped) {
            attrs.remove(d);
        }
        for (Move m : moves) {
            if (!attrs.has(m.attribute())) {
                continue;
            }
            if (m.input() < inputs.size() && inputs.get(m.input()) != null) {
                throw node.error("has both attribute '" + m.attribute() + "' and input " + m.input()
                        + " that replaced it in later opsets");
            }
            Tensor t = switch (m.kind()) {
                case I64_VECTOR -> Tensor.vector(attrs.getInts(m.attribute()));
                case I64_SINGLETON -> Tensor.vector(attrs.getInt(m.attribute()));
                case F32_SCALAR -> Tensor.ofFloats(Shape.SCALAR, attrs.getFloat(m.attribute()));
            };
            attrs.remove(m.attribute());
            while (inputs.size() <= m.input()) {
                inputs.add(null);
            }
            inputs.set(m.input(), out.addConstant(node.nameBase() + "_" + m.attribute(), t));
        }
    }
}

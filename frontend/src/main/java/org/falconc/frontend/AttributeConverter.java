package org.falconc.frontend;

import java.util.ArrayList;
import java.util.List;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.frontend.onnx.AttributeProto.AttributeType;
import org.falconc.ir.Attribute;
import org.falconc.ir.Attributes;

/** Converts ONNX node attributes into IR attributes (tensors decoded, strings as UTF-8). */
final class AttributeConverter {
    /** The first IR version whose attributes must carry their type. */
    static final long FIRST_IR_WITH_ATTRIBUTE_TYPES = 2;

    private final TensorDecoder tensors;
    private final long irVersion;

    AttributeConverter(TensorDecoder tensors, long irVersion) {
        this.tensors = tensors;
        this.irVersion = irVersion;
    }

    /** All attributes of a node; {@code node} names it in errors. */
    Attributes convert(List<AttributeProto> protos, String node) {
        Attributes attrs = new Attributes();
        for (AttributeProto a : protos) {
            String name = a.getName();
            if (name.isEmpty()) {
                throw new FrontendException(node + ": has an attribute without a name");
            }
            if (attrs.has(name)) {
                throw new FrontendException(node + ": attribute '" + name + "' is given twice");
            }
            if (!a.getRefAttrName().isEmpty()) {
                throw new FrontendException(node + ": attribute '" + name + "' refers to function attribute '"
                        + a.getRefAttrName() + "', which is only allowed inside functions");
            }
            attrs.set(name, convert(a, node + " attribute '" + name + "'"));
        }
        return attrs;
    }

    private Attribute convert(AttributeProto a, String what) {
        AttributeType kind = kindOf(a, irVersion, what);
        return switch (kind) {
            case FLOAT -> new Attribute.Float(a.getF());
            case INT -> new Attribute.Int(a.getI());
            case STRING -> new Attribute.Str(a.getS().toStringUtf8());
            case TENSOR -> new Attribute.TensorValue(tensors.decode(a.getT(), what));
            case FLOATS -> {
                float[] f = new float[a.getFloatsCount()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = a.getFloats(i);
                }
                yield new Attribute.Floats(f);
            }
            case INTS -> {
                long[] l = new long[a.getIntsCount()];
                for (int i = 0; i < l.length; i++) {
                    l[i] = a.getInts(i);
                }
                yield new Attribute.Ints(l);
            }
            case STRINGS -> {
                List<String> s = new ArrayList<>(a.getStringsCount());
                for (int i = 0; i < a.getStringsCount(); i++) {
                    s.add(a.getStrings(i).toStringUtf8());
                }
                yield new Attribute.Strs(s);
            }
            default -> throw new FrontendException(what + ": attributes of kind "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " are not supported");
        };
    }

    /**
     * The declared kind; for models that predate the type field (IR 1), the kind of the field that is
     * set. From IR 2 an UNDEFINED type is an error, not a guess: the value fields could disagree with
     * what the writer meant.
     */
    private static AttributeType kindOf(AttributeProto a, long irVersion, String what) {
        if (a.getType() != AttributeType.UNDEFINED) {
            return a.getType();
        }
        if (irVersion >= FIRST_IR_WITH_ATTRIBUTE_TYPES) {
            throw new FrontendException(what + ": has type UNDEFINED (IR version " + irVersion
                    + " requires the type of every attribute)");
        }
        if (a.hasF()) {
            return AttributeType.FLOAT;
        } else if (a.hasI()) {
            return AttributeType.INT;
        } else if (a.hasS()) {
            return AttributeType.STRING;
        } else if (a.hasT()) {
            return AttributeType.TENSOR;
        } else if (a.hasG()) {
            return AttributeType.GRAPH;
        } else if (a.getFloatsCount() > 0) {
            return AttributeType.FLOATS;
        } else if (a.getIntsCount() > 0) {
            return AttributeType.INTS;
        } else if (a.getStringsCount() > 0) {
            return AttributeType.STRINGS;
        } else if (a.getTensorsCount() > 0) {
            return AttributeType.TENSORS;
        } else if (a.getGraphsCount() > 0) {
            return AttributeType.GRAPHS;
        }
        throw new FrontendException(what + ": has no type and no value");
    }
}

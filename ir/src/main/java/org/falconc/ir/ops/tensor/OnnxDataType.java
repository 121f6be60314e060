package org.falconc.ir.ops.tensor;

import java.util.List;
import org.falconc.ir.DType;
import org.falconc.ir.Node;
import org.falconc.ir.ops.Infer;

/**
 * The ONNX TensorProto.DataType numbers that attributes such as Cast's {@code to} carry, mapped to
 * IR element types. The IR has no f64 or f16, so DOUBLE (11) and FLOAT16 (10) map to f32: a model
 * that casts to them computes in f32 instead (slightly different rounding, same shapes).
 */
public final class OnnxDataType {
    private OnnxDataType() {
    }

    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;
    public static final int BOOL = 9;
    public static final int FLOAT16 = 10;
    public static final int DOUBLE = 11;

    private static final List<String> NAMES = List.of("UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16",
            "INT32", "INT64", "STRING", "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128",
            "BFLOAT16", "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4",
            "FLOAT4E2M1", "FLOAT8E8M0", "UINT2", "INT2");

    /** The element type for data-type number {@code code} found in attribute {@code attr}; throws when unsupported. */
    public static DType toDType(Node node, long code, String attr) {
        return switch ((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, code))) {
            case FLOAT, FLOAT16, DOUBLE -> DType.F32;
            case INT32 -> DType.I32;
            case INT64 -> DType.I64;
            case BOOL -> DType.BOOL;
            default -> throw Infer.fail(node, "attribute '" + attr + "' = " + code + " (" + name(code)
                    + ") is not supported; falconc handles FLOAT, INT32, INT64 and BOOL (DOUBLE and FLOAT16 as f32)");
        };
    }

    public static String name(long code) {
        return code >= 0 && code < NAMES.size() ? NAMES.get((int) code) : "unknown data type";
    }
}

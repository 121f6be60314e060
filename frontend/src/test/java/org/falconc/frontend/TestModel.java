package org.falconc.frontend;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.frontend.onnx.AttributeProto.AttributeType;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.OperatorSetIdProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.frontend.onnx.TensorShapeProto;
import org.falconc.frontend.onnx.TypeProto;
import org.falconc.frontend.onnx.ValueInfoProto;
import org.falconc.ir.Graph;
import org.falconc.ir.Node;

/** Builds small ONNX models with the generated builders, for tests. */
final class TestModel {
    private final ModelProto.Builder model = ModelProto.newBuilder();
    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");

    private TestModel(long ir, long opset) {
        model.setIrVersion(ir).setProducerName("falconc-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset));
    }

    /** A model of the given default-domain opset, with an IR version that goes with it. */
    static TestModel opset(long opset) {
        long ir = opset <= 8 ? 3 : opset <= 10 ? 5 : opset <= 12 ? 7 : opset <= 15 ? 8 : opset <= 21 ? 10 : 13;
        return new TestModel(ir, opset);
    }

    TestModel ir(long ir) {
        model.setIrVersion(ir);
        return this;
    }

    TestModel importDomain(String domain, long version) {
        model.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(version));
        return this;
    }

    /** A graph input whose type has no shape at all (unknown rank). */
    TestModel inputWithoutShape(String name, int elemType) {
        graph.addInput(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType))).build());
        return this;
    }

    /** A graph input; each dim is an Integer (dim_value), a String (dim_param) or null (neither). */
    TestModel input(String name, int elemType, Object... dims) {
        graph.addInput(valueInfo(name, elemType, dims));
        return this;
    }

    TestModel output(String name, int elemType, Object... dims) {
        graph.addOutput(valueInfo(name, elemType, dims));
        return this;
    }

    TestModel initializer(TensorProto t) {
        graph.addInitializer(t);
        return this;
    }

    TestModel node(String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
        graph.addNode(NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs)
                .addAllOutput(outputs).addAllAttribute(Arrays.asList(attrs)));
        return this;
    }

    TestModel node(NodeProto n) {
        graph.addNode(n);
        return this;
    }

    ModelProto build() {
        return model.setGraph(graph).build();
    }

    byte[] bytes() {
        return build().toByteArray();
    }

    /** Imports as if every IR op were registered (the op registry is filled by other work). */
    ImportedModel importAllOps() {
        return OnnxImporter.importModel(bytes(), null, ImportOptions.defaults(), op -> true);
    }

    ImportedModel importAllOps(ImportOptions options) {
        return OnnxImporter.importModel(bytes(), null, options, op -> true);
    }

    ImportedModel importAllOps(Path baseDir) {
        return OnnxImporter.importModel(bytes(), baseDir, ImportOptions.defaults(), op -> true);
    }

    /** Imports through the public API (the real op registry). */
    ImportedModel importModel() {
        return OnnxImporter.importModel(bytes(), null, ImportOptions.defaults());
    }

    Graph graph() {
        return importAllOps().graph();
    }

    // ---- value infos, tensors and attributes

    static ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder b = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Integer i) {
                b.setDimValue(i);
            } else if (d instanceof String s) {
                b.setDimParam(s);
            }
            shape.addDim(b);
        }
        TypeProto.Tensor.Builder tt = TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape);
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tt)).build();
    }

    static TensorProto.Builder tensor(String name, int type, long... dims) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(type);
        for (long d : dims) {
            b.addDims(d);
        }
        return b;
    }

    /** A float tensor in raw_data. */
    static TensorProto rawFloats(String name, long[] dims, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return tensor(name, DataTypes.FLOAT, dims).setRawData(ByteString.copyFrom(b.array())).build();
    }

    /** An int64 tensor in int64_data. */
    static TensorProto longs(String name, long[] dims, long... values) {
        TensorProto.Builder b = tensor(name, DataTypes.INT64, dims);
        for (long v : values) {
            b.addInt64Data(v);
        }
        return b.build();
    }

    static long[] dims(long... d) {
        return d;
    }

    static List<String> names(String... n) {
        return Arrays.asList(n);
    }

    static AttributeProto attr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(v).build();
    }

    static AttributeProto attr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(v).build();
    }

    static AttributeProto attr(String name, String v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(v)).build();
    }

    static AttributeProto attr(String name, TensorProto v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(v).build();
    }

    static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long x : v) {
            b.addInts(x);
        }
        return b.build();
    }

    static AttributeProto floats(String name, float... v) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS);
        for (float x : v) {
            b.addFloats(x);
        }
        return b.build();
    }

    /** The only node of the graph with op {@code op}. */
    static Node only(Graph g, String op) {
        List<Node> l = g.nodes().stream().filter(n -> n.op().equals(op)).toList();
        if (l.size() != 1) {
            throw new AssertionError("expected one " + op + " node, found " + l.size() + " in " + g.opHistogram());
        }
        return l.get(0);
    }
}

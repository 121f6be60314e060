package org.falconc.bench;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.falconc.frontend.onnx.AttributeProto;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.OperatorSetIdProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.frontend.onnx.TensorShapeProto;
import org.falconc.frontend.onnx.TypeProto;
import org.falconc.frontend.onnx.ValueInfoProto;

/**
 * A two-layer CNN written with the frontend's protobuf classes: x[1, 3, 16, 16] -> Conv 3x3 (8
 * channels, pad 1) -> Relu -> Conv 3x3 (4 channels, pad 1) -> y[1, 4, 16, 16].
 */
final class TinyConvModel {
    static final int SIZE = 16;
    static final int C1 = 8;
    static final int C2 = 4;
    /** Weights and biases of both convolutions, in bytes. */
    static final long WEIGHT_BYTES = 4L * (C1 * 3 * 9 + C1 + C2 * C1 * 9 + C2);
    /** The largest tensor: the first convolution's output. */
    static final long LARGEST_ACTIVATION_BYTES = 4L * C1 * SIZE * SIZE;
    /** Dense FLOPs of one inference: 2 x the MACs of both convolutions (every output pixel, 3x3 window). */
    static final long FLOPS = 2L * SIZE * SIZE * (C1 * 3 * 9 + C2 * C1 * 9);

    private TinyConvModel() {
    }

    static Path write(Path dir) throws IOException {
        Random rnd = new Random(7);
        GraphProto graph = GraphProto.newBuilder().setName("tiny")
                .addInput(valueInfo("x", 3))
                .addOutput(valueInfo("y", C2))
                .addInitializer(tensor("w1", rnd, C1, 3, 3, 3)).addInitializer(tensor("b1", rnd, C1))
                .addInitializer(tensor("w2", rnd, C2, C1, 3, 3)).addInitializer(tensor("b2", rnd, C2))
                .addNode(conv("conv1", "x", "w1", "b1", "h"))
                .addNode(NodeProto.newBuilder().setOpType("Relu").setName("relu1").addInput("h").addOutput("r"))
                .addNode(conv("conv2", "r", "w2", "b2", "y"))
                .build();
        ModelProto model = ModelProto.newBuilder().setIrVersion(8).setProducerName("falconc-bench-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build();
        Path file = dir.resolve("tiny.onnx");
        Files.write(file, model.toByteArray());
        return file;
    }

    private static NodeProto conv(String name, String x, String w, String b, String y) {
        return NodeProto.newBuilder().setOpType("Conv").setName(name).addInput(x).addInput(w).addInput(b).addOutput(y)
                .addAttribute(ints("kernel_shape", 3, 3)).addAttribute(ints("pads", 1, 1, 1, 1)).build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    private static TensorProto tensor(String name, Random rnd, int... dims) {
        int n = 1;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        for (int d : dims) {
            t.addDims(d);
            n *= d;
        }
        ByteBuffer data = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            data.putFloat(rnd.nextFloat() - 0.5f);
        }
        return t.setRawData(ByteString.copyFrom(data.array())).build();
    }

    private static ValueInfoProto valueInfo(String name, int channels) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int d : new int[] {1, channels, SIZE, SIZE}) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape))).build();
    }
}

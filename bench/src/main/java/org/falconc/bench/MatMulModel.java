package org.falconc.bench;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.OperatorSetIdProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.frontend.onnx.TensorShapeProto;
import org.falconc.frontend.onnx.TypeProto;
import org.falconc.frontend.onnx.ValueInfoProto;

/**
 * The ONNX model ONNX Runtime runs for a GEMM shape: one MatMul {@code yt[N, M] = xt[N, K] x wt[K, M]},
 * the transpose of falconc's {@code C = A x B}, with the weights {@code wt} = A^T a constant
 * initializer. ORT pre-packs a constant second MatMul operand when the session is created, as falconc
 * packs A at load time, so both sides multiply pre-packed weights by a fresh activation matrix.
 */
final class MatMulModel {
    private static final int OPSET = 13;
    private static final int IR_VERSION = 8;

    private MatMulModel() {
    }

    /** Writes the model for {@code shape} with weights {@code a} (row-major [M, K]) to {@code file}. */
    static void write(GemmShape shape, float[] a, Path file) throws IOException {
        int m = shape.m();
        int k = shape.k();
        ByteBuffer wt = ByteBuffer.allocate(4 * m * k).order(ByteOrder.LITTLE_ENDIAN);
        for (int kk = 0; kk < k; kk++) {
            for (int mm = 0; mm < m; mm++) {
                wt.putFloat(a[mm * k + kk]);
            }
        }
        TensorProto weights = TensorProto.newBuilder().setName("wt").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(k).addDims(m).setRawData(ByteString.copyFrom(wt.array())).build();
        GraphProto graph = GraphProto.newBuilder().setName("gemm_" + shape)
                .addInput(valueInfo("xt", shape.n(), k))
                .addOutput(valueInfo("yt", shape.n(), m))
                .addInitializer(weights)
                .addNode(NodeProto.newBuilder().setOpType("MatMul").setName("matmul").addInput("xt").addInput("wt")
                        .addOutput("yt"))
                .build();
        ModelProto model = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("falconc-bench")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build();
        Files.write(file, model.toByteArray());
    }

    private static ValueInfoProto valueInfo(String name, int rows, int cols) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(rows))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(cols)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape))).build();
    }
}

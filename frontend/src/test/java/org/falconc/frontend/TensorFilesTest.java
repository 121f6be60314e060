package org.falconc.frontend;

import org.falconc.testsupport.SharedData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.falconc.ir.DType;
import org.falconc.ir.Shape;
import org.falconc.ir.Tensor;
import org.falconc.ir.TensorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFilesTest {
    @TempDir
    Path tmp;

    private NamedTensor roundTrip(Tensor t, int elemType) {
        Path f = tmp.resolve("t" + elemType + ".pb");
        TensorFiles.write(f, "out", t, elemType);
        assertEquals(elemType, TensorFiles.elemType(f));
        return TensorFiles.read(f);
    }

    @Test
    void writesAndReadsBackEachElementType() {
        Tensor f = Tensor.ofFloats(Shape.of(2, 2), 1.5f, -0f, Float.NaN, 1e-8f);
        NamedTensor back = roundTrip(f, DataTypes.FLOAT);
        assertEquals("out", back.name());
        assertTrue(f.contentEquals(back.tensor()));

        Tensor l = Tensor.ofLongs(Shape.of(3), Long.MIN_VALUE, 0, 42);
        assertTrue(l.contentEquals(roundTrip(l, DataTypes.INT64).tensor()));
        Tensor i = Tensor.ofInts(Shape.of(2), -5, Integer.MAX_VALUE);
        assertTrue(i.contentEquals(roundTrip(i, DataTypes.INT32).tensor()));
        Tensor b = Tensor.ofBools(Shape.of(3), true, false, true);
        assertTrue(b.contentEquals(roundTrip(b, DataTypes.BOOL).tensor()));
        Tensor scalar = Tensor.scalar(3f);
        assertEquals(Shape.SCALAR, roundTrip(scalar, DataTypes.FLOAT).tensor().shape());
    }

    @Test
    void float16OutputsAreRoundedToHalfPrecision() {
        Tensor f = Tensor.ofFloats(Shape.of(4), 1.0f, 0.1f, 70000f, 0x1p-24f);
        Tensor back = roundTrip(f, DataTypes.FLOAT16).tensor();
        assertEquals(DType.F32, back.dtype());
        assertArrayEquals(new float[] {1.0f, Half.toFloat(0x2E66), Float.POSITIVE_INFINITY, 0x1p-24f}, back.floats());
    }

    @Test
    void integerTypesConvertWhenValuesFit() {
        Tensor l = Tensor.ofLongs(Shape.of(2), 7, -3);
        assertTrue(Tensor.ofInts(Shape.of(2), 7, -3).contentEquals(roundTrip(l, DataTypes.INT32).tensor()));
        Tensor i = Tensor.ofInts(Shape.of(2), 7, -3);
        assertTrue(l.contentEquals(roundTrip(i, DataTypes.INT64).tensor()));
        FrontendException e = assertThrows(FrontendException.class,
                () -> TensorFiles.toBytes("big", Tensor.vector(1L << 40), DataTypes.INT32));
        assertEquals("tensor 'big': value 1099511627776 does not fit INT32 (6)", e.getMessage());
        e = assertThrows(FrontendException.class,
                () -> TensorFiles.toBytes("x", Tensor.scalar(1f), DataTypes.INT64));
        assertEquals("cannot write a f32[] tensor as INT64 (7)", e.getMessage());
        e = assertThrows(FrontendException.class,
                () -> TensorFiles.toBytes("x", Tensor.scalar(1f), 8));
        assertEquals("tensor 'x': cannot write element type STRING (8)", e.getMessage());
    }

    @Test
    void garbageAndMissingFiles() throws IOException {
        Path junk = tmp.resolve("junk.pb");
        Files.write(junk, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
        FrontendException e = assertThrows(FrontendException.class, () -> TensorFiles.read(junk));
        assertTrue(e.getMessage().startsWith("not an ONNX tensor file: junk.pb: "), e.getMessage());
        e = assertThrows(FrontendException.class, () -> TensorFiles.read(tmp.resolve("none.pb")));
        assertTrue(e.getMessage().endsWith("none.pb' not found"), e.getMessage());
    }

    @Test
    void readsConformanceTestData() {
        Path node = SharedData.conformance().resolve("node");
        NamedTensor x = TensorFiles.read(node.resolve("test_add/test_data_set_0/input_0.pb"));
        assertEquals(TensorType.of(DType.F32, 3, 4, 5), x.tensor().type());
        assertEquals("x", x.name());

        Tensor padInput = TensorFiles.read(node.resolve("test_edge_pad/test_data_set_0/input_0.pb")).tensor();
        assertEquals(TensorType.of(DType.I32, 1, 3, 4, 5), padInput.type());
        Tensor pads = TensorFiles.read(node.resolve("test_edge_pad/test_data_set_0/input_1.pb")).tensor();
        assertEquals(DType.I64, pads.dtype());

        Path mask = node.resolve("test_dropout_default_mask/test_data_set_0/output_1.pb");
        assertEquals(DataTypes.BOOL, TensorFiles.elemType(mask));
        assertEquals(DType.BOOL, TensorFiles.read(mask).tensor().dtype());

        Path indices = node.resolve("test_maxpool_with_argmax_2d_precomputed_pads/test_data_set_0/output_1.pb");
        assertEquals(DType.I64, TensorFiles.read(indices).tensor().dtype());
    }

    @Test
    void rewritingConformanceDataKeepsItBitForBit() throws IOException {
        Path out = SharedData.conformance().resolve("node/test_softmax_example/test_data_set_0/output_0.pb");
        NamedTensor t = TensorFiles.read(out);
        Path copy = tmp.resolve("copy.pb");
        TensorFiles.write(copy, t.name(), t.tensor(), TensorFiles.elemType(out));
        assertTrue(t.tensor().contentEquals(TensorFiles.read(copy).tensor()));
    }
}

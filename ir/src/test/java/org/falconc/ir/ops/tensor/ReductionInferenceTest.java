package org.falconc.ir.ops.tensor;

import static org.falconc.ir.ops.tensor.InferenceHarness.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.falconc.ir.Tensor;
import org.falconc.ir.ops.NotStaticException;
import org.junit.jupiter.api.Test;

class ReductionInferenceTest {
    @Test
    void reduceKeepsOrDropsTheReducedAxes() {
        assertEquals("f32[3,1,2]", op("ReduceMean").in("f32[3,2,2]").constant(Tensor.vector(1)).type());
        assertEquals("f32[3,2]", op("ReduceMean").in("f32[3,2,2]").constant(Tensor.vector(-2))
                .attrs(a -> a.setInt("keepdims", 0)).type());
        assertEquals("f32[1,1,1]", op("ReduceSum").in("f32[3,2,2]").type());
        assertEquals("f32[1,1,1]", op("ReduceMax").in("f32[3,2,2]").constant(Tensor.vector()).type());
        assertEquals("f32[]", op("ReduceL2").in("f32[3,2]").attrs(a -> a.setInt("keepdims", 0)).type());
        assertEquals("i64[3]", op("ReduceProd").in("i64[3,4]").constant(Tensor.vector(1))
                .attrs(a -> a.setInt("keepdims", 0)).type());
    }

    @Test
    void emptyAxesWithNoopLeaveTheShape() {
        assertEquals("f32[3,2,2]", op("ReduceSum").in("f32[3,2,2]").constant(Tensor.vector())
                .attrs(a -> a.setInt("noop_with_empty_axes", 1)).type());
        assertEquals("f32[3,2,2]", op("ReduceLogSumExp").in("f32[3,2,2]")
                .attrs(a -> a.setInt("noop_with_empty_axes", 1)).type());
    }

    @Test
    void reduceReportsBadAxes() {
        op("ReduceSum").in("f32[3,2]").constant(Tensor.vector(2)).fails("axis 2 is out of range for rank 2");
        op("ReduceSum").in("f32[3,2]").constant(Tensor.vector(1, -1)).fails("name axis 1 twice");
        op("ReduceMean").in("f32[3,2]").constant(Tensor.vector(0)).attrs(a -> a.setInt("keepdims", 2))
                .fails("'keepdims' must be 0 or 1");
        op("ReduceMean").in("i64[3]").fails("must be f32");
        assertThrows(NotStaticException.class, () -> op("ReduceSum").in("f32[3,2]").in("i64[1]").infer());
    }

    @Test
    void softmaxFamilyValidatesTheAxis() {
        assertEquals("f32[3,4,5]", op("Softmax").in("f32[3,4,5]").type());
        assertEquals("f32[3,4,5]", op("LogSoftmax").in("f32[3,4,5]").attrs(a -> a.setInt("axis", -3)).type());
        op("Hardmax").in("f32[3,4]").attrs(a -> a.setInt("axis", 2)).fails("axis 2 is out of range for rank 2 (expected -2..1)");
        op("Softmax").in("f32[]").fails("rank >= 1");
    }

    @Test
    void argReductionsGiveI64Indices() {
        assertEquals("i64[1,2]", op("ArgMax").in("f32[2,2]").type());
        assertEquals("i64[2]", op("ArgMin").in("f32[2,2]").attrs(a -> a.setInt("axis", 1).setInt("keepdims", 0)).type());
        assertEquals("i64[3,1]", op("ArgMax").in("i32[3,4]").attrs(a -> a.setInt("axis", -1)).type());
        op("ArgMax").in("f32[2,0]").attrs(a -> a.setInt("axis", 1)).fails("axis 1 of size 0");
    }
}

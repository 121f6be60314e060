package org.falconc.ir.ops.tensor;

import static org.falconc.ir.ops.tensor.InferenceHarness.op;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.falconc.ir.Tensor;
import org.junit.jupiter.api.Test;

class ElementwiseInferenceTest {
    @Test
    void unaryOpsKeepTheInputType() {
        for (String o : new String[] {"Relu", "Sigmoid", "Tanh", "Erf", "Gelu", "Mish", "HardSwish", "Round"}) {
            assertEquals("f32[2,3,4]", op(o).in("f32[2,3,4]").type(), o);
        }
        assertEquals("i64[5]", op("Neg").in("i64[5]").type());
        assertEquals("i32[]", op("Abs").in("i32[]").type());
        assertEquals("bool[3]", op("Not").in("bool[3]").type());
    }

    @Test
    void unaryOpsRejectWrongElementTypes() {
        op("Sigmoid").in("i64[3]").fails("input 0 (%x) must be f32, got i64[3]");
        op("Not").in("f32[3]").fails("must be bool");
        op("Gelu").in("f32[3]").attrs(a -> a.setString("approximate", "fast")).fails("'approximate' must be");
        op("Celu").in("f32[3]").attrs(a -> a.setFloat("alpha", 0f)).fails("'alpha' must not be 0");
    }

    @Test
    void binaryOpsBroadcastMultidirectionally() {
        assertEquals("f32[3,4,5]", op("Add").in("f32[3,4,5]").in("f32[5]").type());
        assertEquals("f32[2,3,4]", op("Mul").in("f32[2,1,4]").in("f32[3,1]").type());
        assertEquals("f32[0,3]", op("Sub").in("f32[0,1]").in("f32[3]").type());
        assertEquals("i64[2]", op("Div").in("i64[2]").in("i64[]").type());
        assertEquals("bool[2,3]", op("Less").in("f32[2,1]").in("f32[1,3]").type());
        assertEquals("bool[4]", op("Equal").in("bool[4]").in("bool[4]").type());
        assertEquals("bool[4]", op("Xor").in("bool[4]").in("bool[]").type());
        assertEquals("f32[3]", op("Pow").in("f32[3]").in("i64[]").type());
    }

    @Test
    void binaryOpsReportBadOperands() {
        op("Add").in("f32[3,4]").in("f32[5]").fails("shapes [[3,4], [5]] cannot be broadcast together");
        op("Add").in("f32[3]").in("i64[3]").fails("inputs 0 and 1 must have the same element type");
        op("And").in("f32[3]").in("f32[3]").fails("must be bool");
        op("Less").in("bool[3]").in("bool[3]").fails("must be one of f32, i64, i32");
        op("Mod").in("f32[3]").in("f32[3]").fails("floating-point Mod requires attribute fmod=1");
        assertEquals("f32[3]", op("Mod").in("f32[3]").in("f32[3]").attrs(a -> a.setInt("fmod", 1)).type());
    }

    @Test
    void variadicOpsBroadcastAllInputs() {
        assertEquals("f32[3]", op("Max").in("f32[3]").type());
        assertEquals("f32[2,3]", op("Sum").in("f32[3]").in("f32[2,1]").in("f32[]").type());
        assertEquals("i64[4]", op("Min").in("i64[4]").in("i64[1]").type());
        op("Mean").in("f32[3]").in("f32[4]").fails("cannot be broadcast together");
        op("Max").in("f32[3]").in("i32[3]").fails("inputs 0 and 1 must have the same element type");
    }

    @Test
    void whereBroadcastsConditionAndBranches() {
        assertEquals("f32[2,3]", op("Where").in("bool[2,1]").in("f32[3]").in("f32[]").type());
        op("Where").in("f32[2]").in("f32[2]").in("f32[2]").fails("input 0 (%x) must be bool");
        op("Where").in("bool[2]").in("f32[2]").in("i64[2]").fails("inputs 1 and 2 must have the same element type");
    }

    @Test
    void preluSlopeMustBroadcastToTheInput() {
        assertEquals("f32[3,4,5]", op("PRelu").in("f32[3,4,5]").in("f32[5]").type());
        assertEquals("f32[1,3,4,4]", op("PRelu").in("f32[1,3,4,4]").in("f32[3,1,1]").type());
        op("PRelu").in("f32[5]").in("f32[3,5]").fails("slope f32[3,5] does not broadcast to the input f32[5]");
    }

    @Test
    void clipBoundsAreOptionalScalars() {
        assertEquals("f32[3,4]", op("Clip").in("f32[3,4]").type());
        assertEquals("f32[3,4]", op("Clip").in("f32[3,4]").absent().in("f32[]").type());
        assertEquals("i64[2]", op("Clip").in("i64[2]").in("i64[]").in("i64[1]").type());
        op("Clip").in("f32[3]").in("f32[2]").fails("input 'min' must be a scalar");
        op("Clip").in("f32[3]").constant(Tensor.scalar(1L)).fails("same element type");
    }
}

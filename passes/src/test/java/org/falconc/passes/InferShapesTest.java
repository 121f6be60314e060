package org.falconc.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.falconc.ir.Graph;
import org.falconc.ir.IrException;
import org.falconc.ir.ops.NotStaticException;
import org.falconc.ir.text.IrParser;
import org.junit.jupiter.api.Test;

class InferShapesTest {
    private static final String DYNAMIC_RESHAPE = """
            graph main(%x: f32[2,3], %s: i64[2]) -> (%y) {
              %r = Reshape "dyn" (%x, %s)
              %y = Relu (%r)
            }
            """;

    @Test
    void shapeThatIsNotStaticFailsNamingTheNode() {
        Graph g = IrText.parse(DYNAMIC_RESHAPE);
        NotStaticException e = assertThrows(NotStaticException.class,
                () -> new InferShapes().run(g, IrText.context(new InferShapes())));
        assertEquals("Reshape 'dyn': output shape depends on input 'shape', which is not a constant;"
                + " falconc needs static shapes", e.getMessage());
    }

    @Test
    void folding_cannotHelpAGraphInput_soThePipelineReportsTheSameError() {
        IrException e = assertThrows(NotStaticException.class,
                () -> PassManager.run(IrText.parse(DYNAMIC_RESHAPE), PassOptions.defaults()));
        assertEquals("Reshape 'dyn': output shape depends on input 'shape', which is not a constant;"
                + " falconc needs static shapes", e.getMessage());
    }

    @Test
    void declaredTypeThatDisagreesIsAnError() {
        Graph g = IrParser.parse("""
                graph main(%x: f32[2,3]) -> (%y) {
                  %a = Relu "r" (%x) : f32[3,2]
                  %y = Relu (%a)
                }
                """);
        IrException e = assertThrows(IrException.class, () -> new InferShapes().run(g, IrText.context(new InferShapes())));
        assertEquals("Relu 'r': output %a is declared f32[3,2] but the op computes f32[2,3]", e.getMessage());
    }
}

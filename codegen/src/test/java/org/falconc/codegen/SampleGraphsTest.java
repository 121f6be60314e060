package org.falconc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Program;
import org.falconc.ir.Graph;
import org.objectweb.asm.Type;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample graph runs like the interpreter, and every call it lowers to exists in the runtime. */
class SampleGraphsTest {
    @TempDir
    Path dir;

    static Stream<String> samples() {
        return SampleGraphs.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void agreesWithTheInterpreter(String name) {
        TestModels.checkAgainstInterpreter(SampleGraphs.all().get(name), name, dir);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyKernelCallResolvesToAPublicStaticRuntimeMethod(String name) throws Exception {
        Graph g = TestModels.graph(SampleGraphs.all().get(name));
        Program p = Compiler.lower(g, "test", name);
        assertTrue(p.allCalls().size() > 0);
        for (KernelCall call : p.allCalls()) {
            Class<?> owner = Class.forName(call.owner().replace('/', '.'));
            Method found = null;
            for (Method m : owner.getMethods()) {
                if (m.getName().equals(call.method()) && Type.getMethodDescriptor(m).equals(call.descriptor())) {
                    found = m;
                }
            }
            if (found == null) {
                fail(call.shortName() + call.descriptor() + " does not exist in " + owner.getName());
            }
            assertTrue(Modifier.isStatic(found.getModifiers()), call.shortName() + " must be static");
            assertEquals(call.returnType(), Type.getDescriptor(found.getReturnType()));
        }
    }
}

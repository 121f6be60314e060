package org.falconc.codegen.emit;

import org.falconc.codegen.program.Arg;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Slot;

/**
 * An upper bound of the bytecode a kernel call takes, used to split generated methods before they
 * reach the class file's 64 KiB per method, or HotSpot's 8,000-byte limit above which a method is
 * never JIT-compiled.
 */
final class CodeSize {
    /** Bytes a split method's code stays under: below HotSpot's HugeMethodLimit (8,000), so it is still compiled. */
    static final int METHOD_BUDGET = 7_000;

    private CodeSize() {
    }

    /** Bytes of pushing the arguments and the {@code invokestatic} (3 bytes). */
    static int of(KernelCall c) {
        int bytes = 3;
        for (Arg a : c.args()) {
            bytes += of(a);
        }
        return bytes;
    }

    private static int of(Arg a) {
        if (a instanceof Arg.Buffer b) {
            return of(b.slot()) + 3;
        } else if (a instanceof Arg.Array arr) {
            return of(arr.slot());
        }
        // An int, float or long constant (sipush / ldc_w / ldc2_w), a static or instance field, a local: at most 4.
        return 4;
    }

    /** {@code ((float[]) in[i])}: aload, push i, aaload, checkcast. */
    private static int of(Slot slot) {
        return slot instanceof Slot.Input || slot instanceof Slot.Output ? 2 + 3 + 1 + 3 : 4;
    }
}

package org.falconc.codegen.lower;

import org.falconc.codegen.program.Arg;
import org.falconc.ir.DType;

/** Short factories for kernel arguments, so lowerers read like the calls they emit. */
public final class Args {
    private Args() {
    }

    public static Arg i(int v) {
        return new Arg.IntArg(v);
    }

    public static Arg l(long v) {
        return new Arg.LongArg(v);
    }

    public static Arg f(float v) {
        return new Arg.FloatArg(v);
    }

    public static Arg bool(boolean v) {
        return new Arg.BoolArg(v);
    }

    public static Arg ints(int... v) {
        return new Arg.IntsArg(v);
    }

    public static Arg floats(float... v) {
        return new Arg.FloatsArg(v);
    }

    public static Arg ctx() {
        return new Arg.Context();
    }

    /** An absent buffer: {@code null, 0}. */
    public static Arg none(DType dtype) {
        return new Arg.Null(dtype);
    }

    /** An absent array: {@code null}. */
    public static Arg noArray(DType dtype) {
        return new Arg.NullArray(dtype);
    }
}

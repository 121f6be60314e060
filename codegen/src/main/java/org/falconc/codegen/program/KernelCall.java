package org.falconc.codegen.program;

import java.util.List;

/**
 * A call of a {@code public static} runtime method.
 *
 * @param owner      internal name of the runtime class, e.g. {@code org/falconc/runtime/conv/Conv2d}
 * @param method     the static method's name
 * @param args       its arguments in order
 * @param returnType descriptor of the result: {@code V} for kernels, the packed type for packing calls
 * @param comment    what the call does, for the generated source
 */
public record KernelCall(String owner, String method, List<Arg> args, String returnType, String comment) {
    public KernelCall {
        args = List.copyOf(args);
    }

    /** A kernel call returning nothing. */
    public static KernelCall of(String owner, String method, List<Arg> args, String comment) {
        return new KernelCall(owner, method, args, "V", comment);
    }

    /** The JVM method descriptor the arguments imply. */
    public String descriptor() {
        StringBuilder sb = new StringBuilder("(");
        for (Arg a : args) {
            sb.append(a.descriptor());
        }
        return sb.append(')').append(returnType).toString();
    }

    /** {@code Conv2d.run}: the owner's simple name and the method. */
    public String shortName() {
        return owner.substring(owner.lastIndexOf('/') + 1) + "." + method;
    }
}

package org.falconc.codegen.program;

/**
 * A runtime object made from weights once, when the model is constructed (e.g. a {@code PackedConv}
 * from {@code Conv2d.pack}); {@link Arg.Packed} refers to it by its index in {@link Program#packed()}.
 *
 * @param type internal name of the object's runtime class
 * @param pack the call that makes it; its arguments read only weights and constants
 */
public record PackedWeight(String type, KernelCall pack) {
    public PackedWeight {
        if (!pack.returnType().equals("L" + type + ";")) {
            throw new IllegalArgumentException(pack.shortName() + " returns " + pack.returnType() + ", not " + type);
        }
    }
}

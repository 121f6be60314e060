package org.falconc.runtime.profile;

/**
 * What the compiler says about one layer of a generated model (the {@code layer} index of
 * {@link Profiler#begin}): written at compile time into the {@code <Class>.layers.tsv} resource.
 *
 * @param index     the layer's index in the model's run order
 * @param name      the node name (or a generated one)
 * @param op        the IR op (Conv, DecomposedConv, MaxPool, ...)
 * @param inputs    input types, e.g. {@code f32[1,64,56,56]}, comma separated
 * @param output    the first output's type
 * @param denseMacs multiply-accumulates of the layer computed densely (0 for ops that are not products)
 * @param detail    the compiler's execution decision, e.g. {@code sparse unit 4ch x 64px, expected live 0.42}
 * @param value     the name of the value the layer computes (its first output), "" when none
 */
public record LayerInfo(int index, String name, String op, String inputs, String output, long denseMacs,
                        String detail, String value) {
}

package org.falconc.runtime.sparse;

/** The portable {@link BitsBuilder}: one comparison per element. */
final class ScalarBitsBuilder extends BitsBuilder {

    @Override
    String name() {
        return "scalar";
    }

    @Override
    long word(float[] x, int at, int count) {
        return wordScalar(x, at, count);
    }
}

package org.falconc.ir.text;

/**
 * How {@link IrPrinter} writes tensor data (constants and tensor attributes alike).
 *
 * @param elideThreshold the largest element count written inline; larger tensors are written as
 *                       their content digest so that dumps of real models stay readable
 * @param fullConstants  write every tensor inline whatever its size (tensors that were already
 *                       elided when parsed have no data and keep their digest)
 */
public record PrintOptions(int elideThreshold, boolean fullConstants) {
    public static final int DEFAULT_ELIDE_THRESHOLD = 16;

    public PrintOptions {
        if (elideThreshold < 0) {
            throw new IllegalArgumentException("elideThreshold must be >= 0, got " + elideThreshold);
        }
    }

    /** Elide tensors with more than 16 elements. */
    public static PrintOptions defaults() {
        return new PrintOptions(DEFAULT_ELIDE_THRESHOLD, false);
    }

    /** Write every tensor inline: the text then carries the whole model. */
    public static PrintOptions full() {
        return new PrintOptions(DEFAULT_ELIDE_THRESHOLD, true);
    }

    public PrintOptions withElideThreshold(int threshold) {
        return new PrintOptions(threshold, fullConstants);
    }

    public PrintOptions withFullConstants(boolean full) {
        return new PrintOptions(elideThreshold, full);
    }

    /** Whether a tensor of {@code numElements} elements is written as its digest. */
    boolean elides(int numElements) {
        return !fullConstants && numElements > elideThreshold;
    }
}

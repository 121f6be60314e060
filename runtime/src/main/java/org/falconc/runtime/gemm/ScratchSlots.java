package org.falconc.runtime.gemm;

/** Scratch slots of {@link org.falconc.runtime.parallel.ExecutionContext} used by gemm and conv (0..7). */
public final class ScratchSlots {

    /** Packed B block of the GEMM driver (per lane). */
    public static final int B_PANEL = 0;
    /** MR x NR tile for edge tiles and the scalar kernel (per lane). */
    public static final int TILE = 1;
    /** GEMV: the input vector expanded to MR copies per element (per lane). */
    public static final int GEMV_X = 2;
    /** Whole-call temporaries of the conv kernels (lane 0 only, outside parallel loops). */
    public static final int CONV_TEMP = 3;
    /** Per-lane temporaries of the conv kernels (e.g. transposed conv columns). */
    public static final int CONV_LANE = 4;

    /** B packed once for all tasks of a row-split GEMM (lane 0's slot, written before the tasks run). */
    public static final int SHARED_B = 5;

    /** A zero input row for the depthwise 3x3 kernel's padded kernel rows (per lane). */
    public static final int CONV_ZEROS = 6;

    private ScratchSlots() {
    }
}

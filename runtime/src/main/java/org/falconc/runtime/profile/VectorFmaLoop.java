package org.falconc.runtime.profile;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The loop {@link MachinePeak} times: twelve independent FMA chains on vectors of the preferred
 * species. Twelve chains cover FMA latency x FMA throughput on current x86 cores (4 cycles x 2 pipes
 * = 8 in flight), so the loop is bound by the FMA units, not by a chain's latency. Only loaded by
 * {@link MachinePeak} when the jdk.incubator.vector module is present.
 */
final class VectorFmaLoop {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 12;

    private VectorFmaLoop() {
    }

    /** The species the loop runs on, e.g. {@code Species[float, 16, S_512_BIT]}. */
    static String species() {
        return S.toString();
    }

    /** Floating-point operations of one call of {@link #run}: 2 per lane per FMA. */
    static long flops(long iterations) {
        return iterations * CHAINS * S.length() * 2L;
    }

    /**
     * {@code iterations} x 12 FMAs. a = a * x + y with |x| < 1 converges to y / (1 - x): no overflow,
     * no denormals. The lane sum is returned so that C2 cannot drop the loop.
     */
    static float run(long iterations, float seed) {
        FloatVector x = FloatVector.broadcast(S, 0.999f);
        FloatVector y = FloatVector.broadcast(S, 0.001f);
        FloatVector a0 = FloatVector.broadcast(S, seed);
        FloatVector a1 = FloatVector.broadcast(S, seed + 1);
        FloatVector a2 = FloatVector.broadcast(S, seed + 2);
        FloatVector a3 = FloatVector.broadcast(S, seed + 3);
        FloatVector a4 = FloatVector.broadcast(S, seed + 4);
        FloatVector a5 = FloatVector.broadcast(S, seed + 5);
        FloatVector a6 = FloatVector.broadcast(S, seed + 6);
        FloatVector a7 = FloatVector.broadcast(S, seed + 7);
        FloatVector a8 = FloatVector.broadcast(S, seed + 8);
        FloatVector a9 = FloatVector.broadcast(S, seed + 9);
        FloatVector a10 = FloatVector.broadcast(S, seed + 10);
        FloatVector a11 = FloatVector.broadcast(S, seed + 11);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        FloatVector sum = a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11);
        return sum.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}

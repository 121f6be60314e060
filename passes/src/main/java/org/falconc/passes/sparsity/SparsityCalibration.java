package org.falconc.passes.sparsity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What calibration measured per DecomposedConv (by node name), for schedule-sparsity
 * ({@code PassOptions.withCalibration}). Immutable. A node without an entry keeps the run-time
 * decision by the compile-time cost model.
 */
public final class SparsityCalibration {
    /**
     * One layer's figures.
     *
     * @param zeroFraction the mean zero fraction of the layer's input X over the calibration inputs
     * @param breakEven    the zero fraction above which the sparse kernel beats the dense one for this
     *                     layer (measured or from the runtime's cost model)
     */
    public record Layer(double zeroFraction, double breakEven) {
        public Layer {
            if (!(zeroFraction >= 0 && zeroFraction <= 1) || !(breakEven >= 0 && breakEven <= 1)) {
                throw new IllegalArgumentException("fractions must be within [0, 1], got zero fraction "
                        + zeroFraction + ", break-even " + breakEven);
            }
        }
    }

    private final Map<String, Layer> perNode;

    private SparsityCalibration(Map<String, Layer> perNode) {
        this.perNode = perNode;
    }

    /** Node name -> its figures. */
    public static SparsityCalibration of(Map<String, Layer> perNode) {
        return new SparsityCalibration(Collections.unmodifiableMap(new LinkedHashMap<>(perNode)));
    }

    public Set<String> nodes() {
        return perNode.keySet();
    }

    public Optional<Layer> layer(String node) {
        return Optional.ofNullable(perNode.get(node));
    }

    @Override
    public String toString() {
        return perNode.toString();
    }
}

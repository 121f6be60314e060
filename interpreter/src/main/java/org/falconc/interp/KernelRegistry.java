package org.falconc.interp;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.falconc.interp.fused.FusedKernels;
import org.falconc.interp.layout.ChannelsLastKernels;
import org.falconc.interp.nn.NnKernels;
import org.falconc.interp.tensor.TensorKernels;

/** Reference kernels by op type. */
public final class KernelRegistry {
    private static final Map<String, ReferenceKernel> KERNELS = new TreeMap<>();

    static {
        NnKernels.registerAll(KernelRegistry::register);
        TensorKernels.registerAll(KernelRegistry::register);
        FusedKernels.registerAll(KernelRegistry::register);
        ChannelsLastKernels.registerAll(KernelRegistry::register);
    }

    private KernelRegistry() {
    }

    private static void register(String op, ReferenceKernel k) {
        if (KERNELS.putIfAbsent(op, k) != null) {
            throw new IllegalStateException("kernel for " + op + " registered twice");
        }
    }

    /** The kernel for {@code op}, or null. */
    public static ReferenceKernel find(String op) {
        return KERNELS.get(op);
    }

    public static Set<String> ops() {
        return Collections.unmodifiableSet(KERNELS.keySet());
    }
}

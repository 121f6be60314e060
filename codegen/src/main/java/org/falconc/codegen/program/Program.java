package org.falconc.codegen.program;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.falconc.ir.DType;

/**
 * Everything the emitters need to write one model class: its interface, constants, memory plan and
 * layers. Both emitters (bytecode and Java source) write exactly this program.
 *
 * @param packageName          Java package of the class ("" for none)
 * @param className            simple name of the class
 * @param inputs               graph inputs in order ({@link Slot.Input} indexes them)
 * @param outputs              graph outputs in order ({@link Slot.Output} indexes them)
 * @param weights              constants loaded at construction ({@link Slot.Weight} indexes them)
 * @param packed               objects packed from weights at construction ({@link Arg.Packed} indexes them)
 * @param arenaLengths         elements of the per-call arena of each element type (absent = 0)
 * @param peakActivationBytes  bytes of all arenas together: the memory plan's peak
 * @param layers               the layers in execution order
 */
public record Program(String packageName, String className, List<TensorSpec> inputs, List<TensorSpec> outputs,
                      List<WeightTensor> weights, List<PackedWeight> packed, Map<DType, Integer> arenaLengths,
                      long peakActivationBytes, List<Layer> layers) {
    public Program {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        weights = List.copyOf(weights);
        packed = List.copyOf(packed);
        EnumMap<DType, Integer> lengths = new EnumMap<>(DType.class);
        lengths.putAll(arenaLengths);
        arenaLengths = java.util.Collections.unmodifiableMap(lengths);
        layers = List.copyOf(layers);
    }

    /** {@code org.example.Model}, or the simple name in the unnamed package. */
    public String qualifiedName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /** {@code org/example/Model}. */
    public String internalName() {
        return qualifiedName().replace('.', '/');
    }

    /** The weights resource's name, next to the class: {@code Model.weights}. */
    public String weightsResource() {
        return className + ".weights";
    }

    /** The layer table resource's name, next to the class: {@code Model.layers.tsv}. */
    public String layersResource() {
        return className + org.falconc.runtime.profile.LayerTable.SUFFIX;
    }

    /** The layer table written beside the class ({@code CompiledModel.layers()} reads it). */
    public String layerTable() {
        List<org.falconc.runtime.profile.LayerInfo> infos = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String name = l.nodeName().isEmpty() ? l.methodName() : l.nodeName();
            String in = String.join(", ", l.inputs().stream().map(Program::typeOf).toList());
            String out = l.outputs().isEmpty() ? "" : typeOf(l.outputs().get(0));
            String value = l.outputs().isEmpty() ? "" : nameOf(l.outputs().get(0));
            infos.add(new org.falconc.runtime.profile.LayerInfo(i, name, l.op(), in, out, l.denseMacs(), l.detail(), value));
        }
        return org.falconc.runtime.profile.LayerTable.format(infos);
    }

    /** {@code x} of a described value {@code %x f32[1,3]}. */
    private static String nameOf(String described) {
        int sp = described.lastIndexOf(' ');
        String v = sp < 0 ? described : described.substring(0, sp);
        return v.startsWith("%") ? v.substring(1) : v;
    }

    /** {@code f32[1,3]} of a described value {@code %x f32[1,3]}. */
    private static String typeOf(String described) {
        int sp = described.lastIndexOf(' ');
        return sp < 0 ? described : described.substring(sp + 1);
    }

    public int arenaLength(DType dtype) {
        return arenaLengths.getOrDefault(dtype, 0);
    }

    /** Element types whose arena is not empty, in {@link DType} order: what layer methods receive. */
    public List<DType> arenaTypes() {
        List<DType> types = new ArrayList<>();
        for (DType t : DType.values()) {
            if (arenaLength(t) > 0) {
                types.add(t);
            }
        }
        return types;
    }

    /** Whether a layer reads weight {@code index} directly (otherwise only packing calls use it). */
    public boolean weightReadByLayers(int index) {
        for (Layer l : layers) {
            for (KernelCall c : l.calls()) {
                for (Arg a : c.args()) {
                    Slot slot = a instanceof Arg.Buffer b ? b.slot() : a instanceof Arg.Array arr ? arr.slot() : null;
                    if (slot instanceof Slot.Weight w && w.index() == index) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every kernel call: packing calls first, then the layers' calls. */
    public List<KernelCall> allCalls() {
        List<KernelCall> all = new ArrayList<>();
        for (PackedWeight p : packed) {
            all.add(p.pack());
        }
        for (Layer l : layers) {
            all.addAll(l.calls());
        }
        return all;
    }
}

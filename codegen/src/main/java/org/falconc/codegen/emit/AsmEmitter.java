package org.falconc.codegen.emit;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PROTECTED;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ACONST_NULL;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ANEWARRAY;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.FASTORE;
import static org.objectweb.asm.Opcodes.FCONST_0;
import static org.objectweb.asm.Opcodes.FCONST_1;
import static org.objectweb.asm.Opcodes.FCONST_2;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.H_INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IASTORE;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.NEWARRAY;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.T_FLOAT;
import static org.objectweb.asm.Opcodes.T_INT;
import static org.objectweb.asm.Opcodes.V17;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.falconc.codegen.program.Arg;
import org.falconc.codegen.program.KernelCall;
import org.falconc.codegen.program.Layer;
import org.falconc.codegen.program.PackedWeight;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.Slot;
import org.falconc.codegen.program.TensorSpec;
import org.falconc.ir.DType;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Writes a {@link Program} as the bytecode of a class (Java 17 class file) extending
 * {@code CompiledModel}, and for a very large graph its nested helper classes; see {@link ClassLayout}
 * for the members. The code has no branches, so no
 * stack map frames are needed and the writer only computes max stack and locals.
 */
public final class AsmEmitter {
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String INT_FUNCTION = "java/util/function/IntFunction";

    private final ClassLayout layout;
    private final Program program;
    private final String self;
    private final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);

    private AsmEmitter(Program program) {
        this.layout = new ClassLayout(program);
        this.program = program;
        this.self = program.internalName();
    }

    /**
     * The class files of the program: internal name to bytes, the model class first, then its nested
     * helper classes (only a graph of more than {@link ClassLayout#LAYERS_ALONE} layers has them).
     *
     * @throws org.falconc.ir.FalconcException (unsupported) when a class would exceed a class-file limit
     */
    public static Map<String, byte[]> emit(Program program) {
        AsmEmitter emitter = new AsmEmitter(program);
        try {
            return emitter.emitClasses();
        } catch (MethodTooLargeException e) {
            throw ClassLayout.tooLarge("method " + e.getMethodName() + " has " + e.getCodeSize() + " bytes of code");
        } catch (ClassTooLargeException e) {
            throw ClassLayout.tooLarge(e.getConstantPoolCount() + " constant-pool entries");
        }
    }

    private Map<String, byte[]> emitClasses() {
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, self, null, ClassLayout.BASE, null);
        cw.visitSource(program.className() + ".onnx", null);
        cw.visitInnerClass("java/lang/invoke/MethodHandles$Lookup", "java/lang/invoke/MethodHandles", "Lookup",
                ACC_PUBLIC | ACC_FINAL | ACC_STATIC);
        List<ClassWriter> helpers = new ArrayList<>();
        for (int n = 0; n < layout.helpers(); n++) {
            // Nestmates, so the helpers read the model's private fields directly.
            String helper = layout.helperInternalName(n);
            cw.visitNestMember(helper);
            cw.visitInnerClass(helper, self, ClassLayout.helperName(n), ACC_STATIC | ACC_FINAL);
            ClassWriter hw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            hw.visit(V17, ACC_FINAL | ACC_SUPER, helper, null, "java/lang/Object", null);
            hw.visitSource(program.className() + ".onnx", null);
            hw.visitNestHost(self);
            hw.visitInnerClass(helper, self, ClassLayout.helperName(n), ACC_STATIC | ACC_FINAL);
            helpers.add(hw);
        }
        cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "PEAK_ACTIVATION_BYTES", "J", null,
                program.peakActivationBytes()).visitEnd();
        for (String name : layout.arrayConstants().values()) {
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, name, name.startsWith("I") ? "[I" : "[F", null, null).visitEnd();
        }
        int weightAccess = layout.finalWeightFields() ? ACC_PRIVATE | ACC_FINAL : ACC_PRIVATE;
        for (int k = 0; k < program.weights().size(); k++) {
            if (layout.retained(k)) {
                cw.visitField(weightAccess, ClassLayout.weightField(k),
                        ClassLayout.arrayDescriptor(program.weights().get(k).data().dtype()), null, null).visitEnd();
            }
        }
        for (int k = 0; k < program.packed().size(); k++) {
            cw.visitField(weightAccess, ClassLayout.packedField(k), "L" + program.packed().get(k).type() + ";",
                    null, null).visitEnd();
        }
        staticInitializer();
        defaultConstructor();
        constructor();
        for (int n = 0; n < layout.loadChunks().size(); n++) {
            loadChunk(n, layout.loadChunks().get(n));
        }
        builder();
        execute();
        for (int n = 0; n < layout.executeChunks().size(); n++) {
            executeChunk(n, layout.executeChunks().get(n));
        }
        for (LayerMethod m : layout.layerMethods()) {
            layerMethod(m.inHelper() ? helpers.get(m.helper()) : cw, m);
        }
        cw.visitEnd();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put(self, cw.toByteArray());
        for (int n = 0; n < helpers.size(); n++) {
            helpers.get(n).visitEnd();
            classes.put(layout.helperInternalName(n), helpers.get(n).toByteArray());
        }
        return classes;
    }

    private void staticInitializer() {
        if (layout.arrayConstants().isEmpty()) {
            return;
        }
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        for (Map.Entry<Arg, String> e : layout.arrayConstants().entrySet()) {
            if (e.getKey() instanceof Arg.IntsArg ints) {
                pushIntArray(mv, ints.values());
                mv.visitFieldInsn(PUTSTATIC, self, e.getValue(), "[I");
            } else if (e.getKey() instanceof Arg.FloatsArg floats) {
                pushFloatArray(mv, floats.values());
                mv.visitFieldInsn(PUTSTATIC, self, e.getValue(), "[F");
            }
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code public Model() { this(0); }}: the process-wide pool. */
    private void defaultConstructor() {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitInsn(ICONST_0);
        mv.visitMethodInsn(INVOKESPECIAL, self, "<init>", "(I)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code private Model(int threads)}: interface and plan to the base class, then weights and packing. */
    private void constructor() {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, "<init>", "(I)V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ILOAD, 1);
        pushStringArray(mv, ClassLayout.names(program.inputs()));
        pushShapes(mv, program.inputs());
        pushStringArray(mv, ClassLayout.types(program.inputs()));
        pushStringArray(mv, ClassLayout.names(program.outputs()));
        pushShapes(mv, program.outputs());
        pushStringArray(mv, ClassLayout.types(program.outputs()));
        pushIntArray(mv, layout.arenaLengths());
        mv.visitMethodInsn(INVOKESPECIAL, ClassLayout.BASE, "<init>",
                "(I[Ljava/lang/String;[[I[Ljava/lang/String;[Ljava/lang/String;[[I[Ljava/lang/String;[I)V", false);
        if (!layout.loadChunks().isEmpty()) {
            loadWeightsFile(mv);
            mv.visitVarInsn(ASTORE, 2);
            for (int n = 0; n < layout.loadChunks().size(); n++) {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ALOAD, 2);
                mv.visitMethodInsn(INVOKESPECIAL, self, ClassLayout.loadChunkName(n), LOAD_CHUNK_DESCRIPTOR, false);
            }
            // The fields the chunks assign are not final; publish them as a constructor publishes final fields.
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/VarHandle", "releaseFence", "()V", false);
            mv.visitInsn(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            return;
        }
        Map<Integer, Integer> weightLocals = new HashMap<>();
        if (!program.weights().isEmpty()) {
            // locals: 0 this, 1 threads, 2 the weights file, 3.. one per weight
            loadWeightsFile(mv);
            mv.visitVarInsn(ASTORE, 2);
            for (int k = 0; k < program.weights().size(); k++) {
                weightLocals.put(k, 3 + k);
                DType dtype = program.weights().get(k).data().dtype();
                mv.visitVarInsn(ALOAD, 2);
                pushInt(mv, k);
                mv.visitMethodInsn(INVOKEVIRTUAL, ClassLayout.WEIGHTS_FILE, ClassLayout.weightsGetter(dtype),
                        "(I)" + ClassLayout.arrayDescriptor(dtype), false);
                mv.visitVarInsn(ASTORE, 3 + k);
                if (layout.retained(k)) {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitVarInsn(ALOAD, 3 + k);
                    mv.visitFieldInsn(PUTFIELD, self, ClassLayout.weightField(k), ClassLayout.arrayDescriptor(dtype));
                }
            }
        }
        List<PackedWeight> packed = program.packed();
        for (int k = 0; k < packed.size(); k++) {
            mv.visitVarInsn(ALOAD, 0);
            call(mv, packed.get(k).pack(), null, weightLocals);
            mv.visitFieldInsn(PUTFIELD, self, ClassLayout.packedField(k), "L" + packed.get(k).type() + ";");
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static final String LOAD_CHUNK_DESCRIPTOR = "(L" + ClassLayout.WEIGHTS_FILE + ";)V";

    private void loadWeightsFile(MethodVisitor mv) {
        mv.visitLdcInsn(Type.getObjectType(self));
        mv.visitLdcInsn(program.weightsResource());
        mv.visitMethodInsn(INVOKESTATIC, ClassLayout.WEIGHTS_FILE, "load",
                "(Ljava/lang/Class;Ljava/lang/String;)L" + ClassLayout.WEIGHTS_FILE + ";", false);
    }

    /** {@code private void load$n(WeightsFile weights)}: part of a large model's constructor. */
    private void loadChunk(int n, LoadChunk chunk) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, ClassLayout.loadChunkName(n), LOAD_CHUNK_DESCRIPTOR, null, null);
        mv.visitCode();
        // locals: 0 this, 1 the weights file, 2.. the weights the chunk reads
        Map<Integer, Integer> weightLocals = new HashMap<>();
        for (int k : chunk.locals()) {
            DType dtype = program.weights().get(k).data().dtype();
            weightLocals.put(k, 2 + weightLocals.size());
            mv.visitVarInsn(ALOAD, 1);
            pushInt(mv, k);
            mv.visitMethodInsn(INVOKEVIRTUAL, ClassLayout.WEIGHTS_FILE, ClassLayout.weightsGetter(dtype),
                    "(I)" + ClassLayout.arrayDescriptor(dtype), false);
            mv.visitVarInsn(ASTORE, weightLocals.get(k));
        }
        for (int k : chunk.retained()) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, weightLocals.get(k));
            mv.visitFieldInsn(PUTFIELD, self, ClassLayout.weightField(k),
                    ClassLayout.arrayDescriptor(program.weights().get(k).data().dtype()));
        }
        for (int k : chunk.packed()) {
            PackedWeight p = program.packed().get(k);
            mv.visitVarInsn(ALOAD, 0);
            call(mv, p.pack(), null, weightLocals);
            mv.visitFieldInsn(PUTFIELD, self, ClassLayout.packedField(k), "L" + p.type() + ";");
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code public static ModelBuilder<Model> builder() { return new ModelBuilder<>(Model::new); }}. */
    private void builder() {
        String lambdaDesc = "(I)L" + self + ";";
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "builder", "()L" + ClassLayout.BUILDER + ";",
                "()L" + ClassLayout.BUILDER + "<L" + self + ";>;", null);
        mv.visitCode();
        mv.visitTypeInsn(NEW, ClassLayout.BUILDER);
        mv.visitInsn(DUP);
        Handle metafactory = new Handle(H_INVOKESTATIC, LAMBDA_METAFACTORY, "metafactory",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        Handle target = new Handle(H_INVOKESTATIC, self, "lambda$builder$0", lambdaDesc, false);
        mv.visitInvokeDynamicInsn("apply", "()L" + INT_FUNCTION + ";", metafactory,
                Type.getType("(I)Ljava/lang/Object;"), target, Type.getType(lambdaDesc));
        mv.visitMethodInsn(INVOKESPECIAL, ClassLayout.BUILDER, "<init>", "(L" + INT_FUNCTION + ";)V", false);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        MethodVisitor lambda = cw.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, "lambda$builder$0", lambdaDesc,
                null, null);
        lambda.visitCode();
        lambda.visitTypeInsn(NEW, self);
        lambda.visitInsn(DUP);
        lambda.visitVarInsn(ILOAD, 0);
        lambda.visitMethodInsn(INVOKESPECIAL, self, "<init>", "(I)V", false);
        lambda.visitInsn(ARETURN);
        lambda.visitMaxs(0, 0);
        lambda.visitEnd();
    }

    /** {@code execute(CallState s, Object[] in, Object[] out)}: unpacks the state and calls each layer. */
    private void execute() {
        MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, "execute",
                "(L" + ClassLayout.CALL_STATE + ";" + ClassLayout.IO_ARRAYS + ClassLayout.IO_ARRAYS + ")V", null, null);
        mv.visitCode();
        // locals: 0 this, 1 state, 2 in, 3 out, 4 ctx, 5.. arenas
        mv.visitVarInsn(ALOAD, 1);
        mv.visitFieldInsn(GETFIELD, ClassLayout.CALL_STATE, "ctx", "L" + Arg.EXECUTION_CONTEXT + ";");
        mv.visitVarInsn(ASTORE, 4);
        List<DType> arenas = layout.arenaTypes();
        for (int a = 0; a < arenas.size(); a++) {
            mv.visitVarInsn(ALOAD, 1);
            mv.visitFieldInsn(GETFIELD, ClassLayout.CALL_STATE, ClassLayout.arenaName(arenas.get(a)),
                    ClassLayout.arrayDescriptor(arenas.get(a)));
            mv.visitVarInsn(ASTORE, 5 + a);
        }
        if (layout.executeChunks().isEmpty()) {
            for (LayerMethod m : layout.layerMethods()) {
                callWithLayerArguments(mv, m, 4, 5, 2, 3);
            }
        } else {
            for (int n = 0; n < layout.executeChunks().size(); n++) {
                callWithLayerArguments(mv, ClassLayout.executeChunkName(n), 4, 5, 2, 3);
            }
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code this.<method>(ctx, arenas..., in, out)} or {@code Layers$n.<method>(this, ctx, ...)}. */
    private void callWithLayerArguments(MethodVisitor mv, LayerMethod m, int ctx, int firstArena, int in, int out) {
        pushLayerArguments(mv, ctx, firstArena, in, out);
        if (m.inHelper()) {
            mv.visitMethodInsn(INVOKESTATIC, layout.helperInternalName(m.helper()), m.name(), layout.helperDescriptor(), false);
        } else {
            mv.visitMethodInsn(INVOKESPECIAL, self, m.name(), layout.layerDescriptor(), false);
        }
    }

    private void callWithLayerArguments(MethodVisitor mv, String method, int ctx, int firstArena, int in, int out) {
        pushLayerArguments(mv, ctx, firstArena, in, out);
        mv.visitMethodInsn(INVOKESPECIAL, self, method, layout.layerDescriptor(), false);
    }

    /** this, ctx, arenas..., in, out from the given locals. */
    private void pushLayerArguments(MethodVisitor mv, int ctx, int firstArena, int in, int out) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, ctx);
        for (int a = 0; a < layout.arenaTypes().size(); a++) {
            mv.visitVarInsn(ALOAD, firstArena + a);
        }
        mv.visitVarInsn(ALOAD, in);
        mv.visitVarInsn(ALOAD, out);
    }

    /** {@code execute$n(ctx, arenas..., in, out)}: calls a run of layer methods (a large graph's execute is split). */
    private void executeChunk(int n, List<LayerMethod> methods) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, ClassLayout.executeChunkName(n), layout.layerDescriptor(), null, null);
        mv.visitCode();
        int arenas = layout.arenaTypes().size();
        for (LayerMethod m : methods) {
            callWithLayerArguments(mv, m, 1, 2, 2 + arenas, 3 + arenas);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A helper's static method takes the model as parameter 0, so its code is that of an instance method. */
    private void layerMethod(ClassWriter owner, LayerMethod method) {
        MethodVisitor mv = method.inHelper()
                ? owner.visitMethod(ACC_STATIC, method.name(), layout.helperDescriptor(), null, null)
                : owner.visitMethod(ACC_PRIVATE, method.name(), layout.layerDescriptor(), null, null);
        mv.visitCode();
        // locals: 0 this, 1 ctx, 2.. arenas, then in, out
        Map<DType, Integer> arenaLocal = new HashMap<>();
        List<DType> arenas = layout.arenaTypes();
        for (int a = 0; a < arenas.size(); a++) {
            arenaLocal.put(arenas.get(a), 2 + a);
        }
        LayerLocals locals = new LayerLocals(1, arenaLocal, 2 + arenas.size(), 3 + arenas.size());
        for (Layer l : method.layers()) {
            for (KernelCall c : l.calls()) {
                call(mv, c, locals, null);
            }
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Local variable slots of a layer method; null in load-time code, which reads weights from locals instead. */
    private record LayerLocals(int ctx, Map<DType, Integer> arenas, int in, int out) {
    }

    /** {@code weightLocals}: weight index to local slot in load-time code, null in layer methods. */
    private void call(MethodVisitor mv, KernelCall c, LayerLocals locals, Map<Integer, Integer> weightLocals) {
        for (Arg a : c.args()) {
            push(mv, a, locals, weightLocals);
        }
        mv.visitMethodInsn(INVOKESTATIC, c.owner(), c.method(), c.descriptor(), false);
    }

    private void push(MethodVisitor mv, Arg a, LayerLocals locals, Map<Integer, Integer> weightLocals) {
        if (a instanceof Arg.IntArg i) {
            pushInt(mv, i.value());
        } else if (a instanceof Arg.LongArg l) {
            mv.visitLdcInsn(l.value());
        } else if (a instanceof Arg.FloatArg f) {
            pushFloat(mv, f.value());
        } else if (a instanceof Arg.BoolArg b) {
            pushInt(mv, b.value() ? 1 : 0);
        } else if (a instanceof Arg.IntsArg || a instanceof Arg.FloatsArg) {
            mv.visitFieldInsn(GETSTATIC, self, layout.constantField(a), a.descriptor());
        } else if (a instanceof Arg.Buffer b) {
            pushArray(mv, b.slot(), locals, weightLocals);
            pushInt(mv, b.slot().offset());
        } else if (a instanceof Arg.Array arr) {
            pushArray(mv, arr.slot(), locals, weightLocals);
        } else if (a instanceof Arg.Null) {
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ICONST_0);
        } else if (a instanceof Arg.NullArray) {
            mv.visitInsn(ACONST_NULL);
        } else if (a instanceof Arg.Packed p) {
            requireLayer(locals, a);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self, ClassLayout.packedField(p.index()), "L" + p.type() + ";");
        } else if (a instanceof Arg.Context) {
            requireLayer(locals, a);
            mv.visitVarInsn(ALOAD, locals.ctx());
        } else {
            throw new IllegalArgumentException("unknown argument kind " + a);
        }
    }

    private void pushArray(MethodVisitor mv, Slot slot, LayerLocals locals, Map<Integer, Integer> weightLocals) {
        if (slot instanceof Slot.Weight w) {
            if (weightLocals != null) {
                mv.visitVarInsn(ALOAD, weightLocals.get(w.index()));
            } else {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, self, ClassLayout.weightField(w.index()), ClassLayout.arrayDescriptor(w.dtype()));
            }
            return;
        }
        requireLayer(locals, slot);
        if (slot instanceof Slot.Arena ar) {
            mv.visitVarInsn(ALOAD, locals.arenas().get(ar.dtype()));
        } else if (slot instanceof Slot.Input in) {
            mv.visitVarInsn(ALOAD, locals.in());
            pushInt(mv, in.index());
            mv.visitInsn(AALOAD);
            mv.visitTypeInsn(CHECKCAST, ClassLayout.arrayDescriptor(in.dtype()));
        } else if (slot instanceof Slot.Output out) {
            mv.visitVarInsn(ALOAD, locals.out());
            pushInt(mv, out.index());
            mv.visitInsn(AALOAD);
            mv.visitTypeInsn(CHECKCAST, ClassLayout.arrayDescriptor(out.dtype()));
        } else {
            throw new IllegalArgumentException("unknown slot kind " + slot);
        }
    }

    private static void requireLayer(LayerLocals locals, Object what) {
        if (locals == null) {
            throw new IllegalArgumentException("a load-time packing call can only read weights and constants, not " + what);
        }
    }

    private static void pushInt(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) {
            mv.visitInsn(ICONST_0 + v);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, v);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    private static void pushFloat(MethodVisitor mv, float v) {
        int bits = Float.floatToRawIntBits(v);
        if (bits == Float.floatToRawIntBits(0f)) {
            mv.visitInsn(FCONST_0);
        } else if (bits == Float.floatToRawIntBits(1f)) {
            mv.visitInsn(FCONST_1);
        } else if (bits == Float.floatToRawIntBits(2f)) {
            mv.visitInsn(FCONST_2);
        } else {
            mv.visitLdcInsn(v);
        }
    }

    private static void pushIntArray(MethodVisitor mv, int[] values) {
        pushInt(mv, values.length);
        mv.visitIntInsn(NEWARRAY, T_INT);
        for (int i = 0; i < values.length; i++) {
            mv.visitInsn(DUP);
            pushInt(mv, i);
            pushInt(mv, values[i]);
            mv.visitInsn(IASTORE);
        }
    }

    private static void pushFloatArray(MethodVisitor mv, float[] values) {
        pushInt(mv, values.length);
        mv.visitIntInsn(NEWARRAY, T_FLOAT);
        for (int i = 0; i < values.length; i++) {
            mv.visitInsn(DUP);
            pushInt(mv, i);
            pushFloat(mv, values[i]);
            mv.visitInsn(FASTORE);
        }
    }

    private static void pushStringArray(MethodVisitor mv, List<String> values) {
        pushInt(mv, values.size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int i = 0; i < values.size(); i++) {
            mv.visitInsn(DUP);
            pushInt(mv, i);
            mv.visitLdcInsn(values.get(i));
            mv.visitInsn(AASTORE);
        }
    }

    private static void pushShapes(MethodVisitor mv, List<TensorSpec> specs) {
        pushInt(mv, specs.size());
        mv.visitTypeInsn(ANEWARRAY, "[I");
        for (int i = 0; i < specs.size(); i++) {
            mv.visitInsn(DUP);
            pushInt(mv, i);
            pushIntArray(mv, specs.get(i).shape());
            mv.visitInsn(AASTORE);
        }
    }
}

package org.falconc.cli;

import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.UserException;
import org.falconc.compiler.LoadedModel;
import org.falconc.compiler.ModelLoader;
import org.falconc.compiler.CompiledJar;
import org.falconc.compiler.InputShapes;
import org.falconc.compiler.ModelArrays;
import org.falconc.compiler.OutputPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.falconc.frontend.DataTypes;
import org.falconc.frontend.TensorFiles;
import org.falconc.interp.Interpreter;
import org.falconc.ir.Graph;
import org.falconc.ir.Tensor;
import org.falconc.ir.Value;
import org.falconc.runtime.io.AtomicOutputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code falconc run MODEL --input NAME=FILE ... --output-dir DIR}: runs a model on tensor files. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a model on input tensors and write its outputs.",
            "Inputs are ONNX TensorProto .pb files; outputs are written as output_N.pb (N = graph output "
                + "index), each TensorProto named after its graph output."})
final class RunCommand implements Callable<Integer> {
    /** Execution engines: the reference interpreter, or the model compiled to JVM classes. */
    enum Engine { interp, compiled }

    @Mixin
    ModelOptions model;

    @Mixin
    CommonOptions common;

    @Option(names = "--input", paramLabel = "NAME=FILE",
            description = "An input tensor (.pb) of the input's element type. NAME may be left out when the model "
                    + "has one input; a model without inputs needs none.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output-dir", paramLabel = "DIR", required = true,
            description = "Where to write output_N.pb files (created if missing); all are written or none.")
    Path outputDir;

    @Option(names = "--engine", defaultValue = "interp",
            description = "For an .onnx MODEL: interp (the reference interpreter) or compiled (compile to a "
                    + "temporary jar and run it); default ${DEFAULT-VALUE}. A .jar MODEL (from falconc compile) "
                    + "always runs compiled.")
    Engine engine;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OutputPaths.requireDirectory(outputDir, "--output-dir");
        InputShapes.parse(model.inputShapes); // a malformed --input-shape is refused before any file is read
        Map<String, Tensor> named = new LinkedHashMap<>();
        Map<String, Integer> fileTypes = new LinkedHashMap<>();
        Tensor unnamed = InputFiles.read(inputs, named, fileTypes);
        if (model.model.toString().endsWith(".jar")) {
            return runJar(model.model, named, unnamed, fileTypes);
        }
        if (engine == Engine.compiled) {
            Path dir = Files.createTempDirectory("falconc-run");
            Path jar = dir.resolve("Model.jar");
            try {
                CompileRequest request = CompileRequest.to(jar).inputShapes(model.inputShapes).knownInputs(named);
                LoadedModel m = CompileRun.compile(model.model, request, new PrintWriter(java.io.Writer.nullWriter()),
                        spec.commandLine().getErr()).model();
                noteSpecialised(m);
                Map<String, Tensor> remaining = new LinkedHashMap<>(named);
                remaining.keySet().removeAll(m.specialisedInputs());
                return runJar(jar, remaining, unnamed, fileTypes);
            } finally {
                Files.deleteIfExists(jar);
                Files.deleteIfExists(dir);
            }
        }
        LoadedModel m = ModelLoader.load(model.model, InputShapes.parse(model.inputShapes), null, named);
        Graph g = m.graph();
        noteSpecialised(m);
        Map<String, Tensor> feeds = feeds(g, m, named, unnamed);
        Map<String, Integer> held = InputFiles.typesByName(names(g.inputs()), fileTypes);
        for (String name : feeds.keySet()) {
            InputFiles.requireElemType(name, m.imported().inputElemTypes().getOrDefault(name, 0), held.get(name));
        }
        writeOutputs(Interpreter.run(g, feeds), name -> m.imported().outputElemTypes().getOrDefault(name, 0));
        return 0;
    }

    /** Says on stderr which --input values became constants of the model (shape operands). */
    private void noteSpecialised(LoadedModel m) {
        for (String s : m.specialisedInputs()) {
            spec.commandLine().getErr().println("falconc: note: input '" + s
                    + "' determines shapes; the model was specialised to its given value");
        }
    }

    /**
     * Runs a compiled model jar on inputs of the element types the ONNX model declares and writes its outputs
     * in them, as the jar records them ({@code CompiledModel.info()}).
     */
    private int runJar(Path jar, Map<String, Tensor> named, Tensor unnamed, Map<String, Integer> fileTypes)
            throws IOException {
        Main.hintIfScalar(spec.commandLine().getErr());
        try (CompiledJar cj = CompiledJar.open(jar)) {
            var m = cj.model();
            Map<String, Tensor> given = InputFiles.byName(m.inputNames(), named, unnamed);
            Map<String, Integer> held = InputFiles.typesByName(m.inputNames(), fileTypes);
            var info = m.info();
            for (String name : given.keySet()) {
                int at = m.inputNames().indexOf(name);
                if (at >= 0) {
                    InputFiles.requireElemType(name, info.inputTypes().get(at), held.get(name));
                }
            }
            writeOutputs(ModelArrays.run(m, given), name -> info.outputTypes().get(m.outputNames().indexOf(name)));
            return 0;
        }
    }

    /**
     * Writes {@code output_N.pb} per graph output, each in the ONNX element type {@code onnxElemType} gives
     * (0: the tensor's own type).
     */
    private void writeOutputs(Map<String, Tensor> results, java.util.function.ToIntFunction<String> onnxElemType)
            throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : results.entrySet()) {
            int elemType = onnxElemType.applyAsInt(e.getKey());
            files.put("output_" + files.size() + ".pb", TensorFiles.toBytes(e.getKey(), e.getValue(),
                    elemType != 0 ? elemType : DataTypes.onnxType(e.getValue().dtype())));
        }
        List<Path> written = AtomicOutputs.write(outputDir, files); // all or none
        PrintWriter out = spec.commandLine().getOut();
        int i = 0;
        for (Map.Entry<String, Tensor> e : results.entrySet()) {
            out.printf("%s  %s %s%n", written.get(i++), e.getKey(), e.getValue().type());
        }
        out.flush();
    }

    private static Map<String, Tensor> feeds(Graph g, LoadedModel m, Map<String, Tensor> named, Tensor unnamed) {
        Map<String, Tensor> feeds = new LinkedHashMap<>();
        if (unnamed != null) {
            if (g.inputs().size() != 1 || !named.isEmpty()) {
                throw new UserException("the model has inputs " + names(g.inputs())
                        + ", so write every --input as NAME=FILE");
            }
            feeds.put(g.inputs().get(0).name(), unnamed);
        }
        for (var e : named.entrySet()) {
            if (m.specialisedInputs().contains(e.getKey())) {
                continue;
            }
            Value in = g.value(e.getKey());
            if (in == null || !g.isGraphInput(in)) {
                throw new UserException("--input names '" + e.getKey() + "', but the model's inputs are "
                        + names(g.inputs()));
            }
            feeds.put(e.getKey(), e.getValue());
        }
        for (Value in : g.inputs()) {
            Tensor t = feeds.get(in.name());
            if (t == null) {
                throw new UserException("missing --input for '" + in.name() + "' (" + in.type() + ")");
            }
            if (!t.type().equals(in.type())) {
                throw new UserException("input '" + in.name() + "' must be " + in.type() + ", got " + t.type()
                        + (in.type().dtype() == t.dtype() && in.type().rank() == t.shape().rank()
                        ? " (bind symbolic dimensions with --input-shape " + in.name() + "=...)" : ""));
            }
        }
        return feeds;
    }

    private static List<String> names(List<Value> values) {
        return values.stream().map(Value::name).toList();
    }
}

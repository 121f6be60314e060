package org.falconc.frontend;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.falconc.frontend.onnx.GraphProto;
import org.falconc.frontend.onnx.ModelProto;
import org.falconc.frontend.onnx.NodeProto;
import org.falconc.frontend.onnx.TensorProto;
import org.falconc.frontend.onnx.ValueInfoProto;
import org.falconc.ir.Graph;
import org.falconc.ir.IrException;

/**
 * One import, in the order that gives the most useful first error: format and versions, value
 * definitions, unsupported ops (all at once), then graph inputs, constants and node conversion.
 */
final class ModelImport {
    private ModelImport() {
    }

    static ImportedModel run(ByteBuffer bytes, Path baseDir, ImportOptions options, Predicate<String> opSupported) {
        ModelProto model = ModelParser.parse(bytes);
        Opsets opsets = Opsets.of(model);
        GraphProto g = model.getGraph();
        TensorDecoder decoder = new TensorDecoder(new ExternalData(baseDir));
        AttributeConverter attributes = new AttributeConverter(decoder, opsets.irVersion());

        if (g.getSparseInitializerCount() > 0) {
            throw new FrontendException("sparse initializer '" + g.getSparseInitializer(0).getValues().getName()
                    + "' is not supported");
        }
        Map<String, TensorProto> initializers = new LinkedHashMap<>();
        for (TensorProto t : g.getInitializerList()) {
            if (t.getName().isEmpty()) {
                throw new FrontendException("an initializer has no name");
            }
            if (initializers.put(t.getName(), t) != null) {
                throw new FrontendException("initializer '" + t.getName() + "' is defined twice");
            }
        }
        // Before IR 4 every initializer was also listed as a graph input; from IR 4 such a listing makes it a
        // default that callers may override. Either way falconc compiles it as a constant, not an input.
        List<ValueInfoProto> inputs = new ArrayList<>();
        for (ValueInfoProto in : g.getInputList()) {
            if (!initializers.containsKey(in.getName())) {
                inputs.add(in);
            }
        }
        List<OnnxNode> nodes = new ArrayList<>(g.getNodeCount());
        for (NodeProto p : g.getNodeList()) {
            nodes.add(new OnnxNode(p, opsets.version(p.getDomain()), attributes));
        }
        Set<String> names = ValueDefinitions.check(inputs, initializers.keySet(), nodes, g.getOutputList());
        for (OnnxNode n : nodes) {
            if (Opsets.isDefault(n.domain()) && n.opset() < 0) {
                throw n.error("uses the default ONNX domain, but the model does not import its opset");
            }
        }
        UnsupportedOps.check(nodes, opSupported);
        checkShapeOptions(options, inputs);

        Graph graph = new Graph(g.getName());
        GraphBuilder builder = new GraphBuilder(graph, names);
        InputShapeBinder binder = new InputShapeBinder(options);
        Map<String, Integer> inputTypes = new LinkedHashMap<>();
        for (ValueInfoProto in : inputs) {
            graph.addInput(in.getName(), binder.bind(in));
            inputTypes.put(in.getName(), InputShapeBinder.elemType(in, "graph input"));
        }
        for (TensorProto t : initializers.values()) {
            builder.defineConstant(t.getName(), decoder.decode(t, "initializer '" + t.getName() + "'"));
        }
        for (OnnxNode n : nodes) {
            try {
                OpAdapters.forOp(n.opType()).convert(n, builder);
            } catch (FrontendException e) {
                throw e;
            } catch (IrException | IllegalArgumentException e) {
                // e.g. an attribute of the wrong kind, found by the IR's typed getters
                throw n.error(e.getMessage());
            }
        }
        List<String> outputs = new ArrayList<>();
        Map<String, Integer> outputTypes = new LinkedHashMap<>();
        for (ValueInfoProto out : g.getOutputList()) {
            outputs.add(out.getName());
            if (out.getType().hasTensorType() && out.getType().getTensorType().hasElemType()) {
                outputTypes.put(out.getName(), out.getType().getTensorType().getElemType());
            }
        }
        builder.finish(outputs);
        return new ImportedModel(graph, opsets.irVersion(), opsets.defaultVersion(), model.getProducerName(),
                inputTypes, outputTypes);
    }

    private static void checkShapeOptions(ImportOptions options, List<ValueInfoProto> inputs) {
        List<String> inputNames = inputs.stream().map(ValueInfoProto::getName).toList();
        for (String name : options.inputShapes().keySet()) {
            if (!inputNames.contains(name)) {
                throw new FrontendException("an input shape is given for '" + name
                        + "', which is not a graph input (inputs: " + String.join(", ", inputNames) + ")");
            }
        }
    }
}

package org.falconc.frontend;

/**
 * Ops whose definition did not change in a way that matters between opset 1 and the newest: copied as
 * they are (the opset 1-5 {@code consumed_inputs} attribute is dropped by {@link OnnxNode}).
 */
final class PassThroughAdapter implements OpAdapter {
    static final PassThroughAdapter INSTANCE = new PassThroughAdapter();

    private PassThroughAdapter() {
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        out.emit(node.opType(), node.name(), node.inputs(), node.outputs(), node.attributes());
    }
}

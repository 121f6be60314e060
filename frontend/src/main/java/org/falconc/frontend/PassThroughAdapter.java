package org.falconc.frontend;

/** Ops whose definition did not change in a way that matters between opset 7 and the newest: copied as they are. */
final class PassThroughAdapter implements OpAdapter {
    static final PassThroughAdapter INSTANCE = new PassThroughAdapter();

    private PassThroughAdapter() {
    }

    @Override
    public void convert(OnnxNode node, GraphBuilder out) {
        out.emit(node.opType(), node.name(), node.inputs(), node.outputs(), node.attributes());
    }
}

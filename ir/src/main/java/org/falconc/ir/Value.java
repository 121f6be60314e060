package org.falconc.ir;

/**
 * An SSA value: a graph input, a constant, or an output of exactly one node. Its type is null until
 * type inference has run (the importer leaves intermediate types open).
 */
public final class Value {
    private String name;
    private TensorType type;
    private Node producer;
    private Tensor constant;

    Value(String name, TensorType type) {
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

    /** The inferred or declared type; null while unknown. */
    public TensorType type() {
        return type;
    }

    public boolean hasType() {
        return type != null;
    }

    public void setType(TensorType type) {
        if (constant != null && type != null && !type.equals(constant.type())) {
            throw new IrException("constant %" + name + " has type " + constant.type() + ", cannot set " + type);
        }
        this.type = type;
    }

    /** The node that produces this value, or null for graph inputs and constants. */
    public Node producer() {
        return producer;
    }

    void setProducer(Node producer) {
        this.producer = producer;
    }

    public boolean isConstant() {
        return constant != null;
    }

    /** The constant's data, or null if this value is not a constant. */
    public Tensor constant() {
        return constant;
    }

    void setConstant(Tensor constant) {
        this.constant = constant;
        this.type = constant.type();
    }

    @Override
    public String toString() {
        return "%" + name + (type == null ? "" : ": " + type);
    }
}

package org.falconc.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of one node, in insertion order, with typed getters whose errors name the node
 * and the attribute. Defaults follow the op's definition and are supplied by the caller.
 */
public final class Attributes {
    private final Map<String, Attribute> map = new LinkedHashMap<>();
    private Node owner;

    void attach(Node owner) {
        this.owner = owner;
    }

    public Attributes set(String name, Attribute value) {
        map.put(name, value);
        return this;
    }

    public Attributes setInt(String name, long v) {
        return set(name, new Attribute.Int(v));
    }

    public Attributes setFloat(String name, float v) {
        return set(name, new Attribute.Float(v));
    }

    public Attributes setString(String name, String v) {
        return set(name, new Attribute.Str(v));
    }

    public Attributes setInts(String name, long... v) {
        return set(name, new Attribute.Ints(v));
    }

    public Attributes setFloats(String name, float... v) {
        return set(name, new Attribute.Floats(v));
    }

    public Attributes setStrings(String name, List<String> v) {
        return set(name, new Attribute.Strs(v));
    }

    public Attributes setTensor(String name, Tensor v) {
        return set(name, new Attribute.TensorValue(v));
    }

    public Attribute remove(String name) {
        return map.remove(name);
    }

    public boolean has(String name) {
        return map.containsKey(name);
    }

    public Attribute get(String name) {
        return map.get(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(map.keySet());
    }

    public Map<String, Attribute> asMap() {
        return Collections.unmodifiableMap(map);
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    public int size() {
        return map.size();
    }

    private <T extends Attribute> T typed(String name, Class<T> kind, String kindName) {
        Attribute a = map.get(name);
        if (a == null) {
            return null;
        }
        if (!kind.isInstance(a)) {
            throw error("attribute '" + name + "' must be of kind " + kindName + ", got " + a.kind());
        }
        return kind.cast(a);
    }

    private IrException error(String message) {
        return owner != null ? IrException.atNode(owner, message) : new IrException(message);
    }

    private IrException missing(String name) {
        return error("required attribute '" + name + "' is missing");
    }

    public long getInt(String name, long dflt) {
        Attribute.Int a = typed(name, Attribute.Int.class, "int");
        return a == null ? dflt : a.value();
    }

    public long getInt(String name) {
        Attribute.Int a = typed(name, Attribute.Int.class, "int");
        if (a == null) {
            throw missing(name);
        }
        return a.value();
    }

    public float getFloat(String name, float dflt) {
        Attribute.Float a = typed(name, Attribute.Float.class, "float");
        return a == null ? dflt : a.value();
    }

    public float getFloat(String name) {
        Attribute.Float a = typed(name, Attribute.Float.class, "float");
        if (a == null) {
            throw missing(name);
        }
        return a.value();
    }

    public String getString(String name, String dflt) {
        Attribute.Str a = typed(name, Attribute.Str.class, "string");
        return a == null ? dflt : a.value();
    }

    public String getString(String name) {
        Attribute.Str a = typed(name, Attribute.Str.class, "string");
        if (a == null) {
            throw missing(name);
        }
        return a.value();
    }

    /** The ints attribute, or {@code dflt} (may be null) when absent. */
    public long[] getInts(String name, long[] dflt) {
        Attribute.Ints a = typed(name, Attribute.Ints.class, "ints");
        return a == null ? (dflt == null ? null : dflt.clone()) : a.values();
    }

    public long[] getInts(String name) {
        Attribute.Ints a = typed(name, Attribute.Ints.class, "ints");
        if (a == null) {
            throw missing(name);
        }
        return a.values();
    }

    public float[] getFloats(String name, float[] dflt) {
        Attribute.Floats a = typed(name, Attribute.Floats.class, "floats");
        return a == null ? (dflt == null ? null : dflt.clone()) : a.values();
    }

    public List<String> getStrings(String name, List<String> dflt) {
        Attribute.Strs a = typed(name, Attribute.Strs.class, "strings");
        return a == null ? dflt : a.values();
    }

    public Tensor getTensor(String name) {
        Attribute.TensorValue a = typed(name, Attribute.TensorValue.class, "tensor");
        if (a == null) {
            throw missing(name);
        }
        return a.value();
    }

    /** A copy with the same entries, not attached to any node. */
    public Attributes copy() {
        Attributes c = new Attributes();
        c.map.putAll(map);
        return c;
    }
}

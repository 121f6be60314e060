package org.falconc.frontend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.falconc.ir.Attributes;

/**
 * An IR node that an op adapter asks for, by value names: inputs may be defined later in the file
 * (ONNX requires topological order, falconc does not), so values are linked once all nodes are known.
 *
 * @param inputs  input names; null for an omitted optional input
 * @param outputs output names; null for an omitted optional output
 */
record PendingNode(String op, String name, List<String> inputs, List<String> outputs, Attributes attrs) {
    PendingNode {
        // Copies that allow nulls (List.copyOf does not).
        inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
    }
}

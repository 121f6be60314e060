package org.falconc.interp;

import java.util.List;
import org.falconc.ir.Node;
import org.falconc.ir.Tensor;

/**
 * The reference semantics of one op: plain loops, written for obviousness, not speed.
 * {@code inputs} has one entry per node input (null for an absent optional input). The kernel
 * returns one tensor per node output, with the types that type inference gave the outputs
 * ({@code node.output(i).type()}); the interpreter checks that they agree.
 */
@FunctionalInterface
public interface ReferenceKernel {
    List<Tensor> compute(Node node, List<Tensor> inputs);
}

package org.falconc.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The model file and how to bind its symbolic dimensions. */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model file.")
    Path model;

    @Option(names = "--input-shape", paramLabel = "NAME=DIMS",
            description = "Bind an input's shape, e.g. data=1x3x224x224 (symbolic batch defaults to 1; a declared shape "
                    + "of the same rank is overridden, e.g. a batch exported as 1).")
    List<String> inputShapes = new ArrayList<>();
}

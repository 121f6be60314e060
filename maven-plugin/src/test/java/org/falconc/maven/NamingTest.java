package org.falconc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Class and package names the plug-in gives models, and the compiler's messages in parameter terms. */
class NamingTest {
    @Test
    void namesAModelAsTheCliDoesInTheConfiguredPackage() {
        assertEquals("com.acme.Mnist8", Naming.className("com.acme", Path.of("mnist-8.onnx"), null));
        assertEquals("com.acme.ResnetV150", Naming.className("com.acme", Path.of("resnet_v1.50.onnx"), null));
        assertEquals("Mnist8", Naming.className("", Path.of("mnist-8.onnx"), null));
    }

    @Test
    void aSubFolderIsASubPackage() {
        assertEquals("com.acme.vision.faces.UltrafaceRFB320",
                Naming.className("com.acme", Path.of("vision", "faces", "ultraface-RFB-320.onnx"), null));
        assertEquals("com.acme.my_models._2d.FaceDetector",
                Naming.className("com.acme", Path.of("my-models", "2d", "face_detector.onnx"), null));
        assertEquals("vision.Edges", Naming.className("", Path.of("vision", "edges.onnx"), null));
    }

    @Test
    void anOverrideIsTakenAsItIsWhenQualifiedAndGoesInTheModelsPackageWhenSimple() {
        assertEquals("org.other.Digits", Naming.className("com.acme", Path.of("vision", "mnist-8.onnx"), "org.other.Digits"));
        assertEquals("com.acme.vision.Digits", Naming.className("com.acme", Path.of("vision", "mnist-8.onnx"), " Digits "));
        assertEquals("Digits", Naming.className("", Path.of("mnist-8.onnx"), "Digits"));
    }

    @Test
    void theDefaultPackageIsTheGroupIdMadeAValidPackage() {
        assertEquals("com.acme", Naming.packageFromGroupId("com.acme"));
        assertEquals("org.my_co._2d.int_.app", Naming.packageFromGroupId("org.my-co.2d.int.app"));
        assertEquals("", Naming.packageFromGroupId(null));
        assertEquals("io.github.some_user", Naming.packageFromGroupId("io.github.some$user"));
    }

    @Test
    void compilerMessagesNameTheParametersNotTheOptions() {
        assertEquals("inputShapes names 'x', but the model's inputs are [image]",
                Naming.inParameterTerms("--input-shape names 'x', but the model's inputs are [image]"));
        assertEquals("sparsity threshold needs calibration DIR (the thresholds are chosen on those inputs)",
                Naming.inParameterTerms("--sparsity threshold needs --calibrate DIR (the thresholds are chosen on those inputs)"));
        assertEquals("maxDrop must be within [0, 1], got 2.0", Naming.inParameterTerms("--max-drop must be within [0, 1], got 2.0"));
        assertEquals("className 'java.lang.X' is in package java.*",
                Naming.inParameterTerms("--class 'java.lang.X' is in package java.*"));
        assertEquals("model file --classes-x untouched", Naming.inParameterTerms("model file --classes-x untouched"));
    }
}

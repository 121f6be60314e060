package org.falconc.maven;

import java.io.File;
import java.util.List;

/**
 * One {@code <model>} of the plug-in's {@code <models>}: settings for one model file that override the
 * plug-in's global ones. Every field left out keeps the global value.
 *
 * <pre>
 *   &lt;models&gt;
 *     &lt;model&gt;
 *       &lt;file&gt;vision/resnet50.onnx&lt;/file&gt;
 *       &lt;className&gt;com.acme.Resnet&lt;/className&gt;
 *       &lt;inputShapes&gt;&lt;inputShape&gt;data=1x3x224x224&lt;/inputShape&gt;&lt;/inputShapes&gt;
 *     &lt;/model&gt;
 *   &lt;/models&gt;
 * </pre>
 */
public class Model {
    /** The model's path below the source directory ({@code mnist-8.onnx}, {@code vision/resnet50.onnx}). */
    String file;
    /** The class: qualified ({@code com.acme.Resnet}) or simple (then in the model's package). */
    String className;
    /** Replaces the global {@code inputShapes} for this model ({@code NAME=1x3x224x224} each). */
    List<String> inputShapes;
    /** off, exact or threshold. */
    String sparsity;
    /** Calibration inputs (photos or {@code .pb} tensors); relative to the project's directory. */
    File calibration;
    /** Threshold mode's accuracy budget, within [0, 1]. */
    Double maxDrop;
    /** How photos become inputs (imagenet, mnist, ...); recorded with the generated class. */
    String preprocess;
    /** Class labels, one per line, recorded with the generated class; relative to the project's directory. */
    File labels;
    /** True: this model is not compiled (and what it generated before is removed). */
    boolean skip;

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public List<String> getInputShapes() {
        return inputShapes;
    }

    public void setInputShapes(List<String> inputShapes) {
        this.inputShapes = inputShapes;
    }

    public String getSparsity() {
        return sparsity;
    }

    public void setSparsity(String sparsity) {
        this.sparsity = sparsity;
    }

    public File getCalibration() {
        return calibration;
    }

    public void setCalibration(File calibration) {
        this.calibration = calibration;
    }

    public Double getMaxDrop() {
        return maxDrop;
    }

    public void setMaxDrop(Double maxDrop) {
        this.maxDrop = maxDrop;
    }

    public String getPreprocess() {
        return preprocess;
    }

    public void setPreprocess(String preprocess) {
        this.preprocess = preprocess;
    }

    public File getLabels() {
        return labels;
    }

    public void setLabels(File labels) {
        this.labels = labels;
    }

    public boolean isSkip() {
        return skip;
    }

    public void setSkip(boolean skip) {
        this.skip = skip;
    }
}

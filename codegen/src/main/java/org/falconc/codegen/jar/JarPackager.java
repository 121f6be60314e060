package org.falconc.codegen.jar;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.falconc.codegen.emit.WeightsFileWriter;
import org.falconc.codegen.program.Program;
import org.falconc.codegen.program.WeightTensor;
import org.falconc.runtime.model.ModelMain;

/**
 * Writes a self-contained model jar: the generated class, its weights, layer table and model info
 * resources ({@link org.falconc.runtime.model.ModelInfo}), every runtime class and a manifest whose {@code Main-Class} ({@link ModelMain}) runs the model named by
 * {@code Falconc-Model-Class}. The jar is written to a temporary file in the target directory and
 * renamed into place, so a failure leaves no partial jar.
 */
public final class JarPackager {
    /** Entry timestamps are fixed so the same model gives the same jar. */
    private static final long ENTRY_TIME = 315532800000L; // 1980-01-01, the earliest zip time

    private JarPackager() {
    }

    /**
     * Writes the jar. The weights entry is stored, not deflated: random float weights do not
     * compress, deflating 100 MB costs seconds, and a stored entry loads as a plain copy.
     * {@code resources} go next to the class: resource name (e.g. {@code Model.info.properties}) to content.
     */
    public static void write(Program program, Map<String, byte[]> classFiles, Map<String, byte[]> resources, Path jar)
            throws IOException {
        OutputFiles.requireReplaceable(jar);
        Path dir = jar.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = OutputFiles.temporaryFile(jar);
        try {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                 JarOutputStream jos = new JarOutputStream(out, manifest(program))) {
                String base = program.internalName();
                Map<String, byte[]> runtime = RuntimeClasses.read();
                TreeSet<String> dirs = new TreeSet<>();
                addParents(dirs, base);
                for (String name : runtime.keySet()) {
                    addParents(dirs, name);
                }
                for (String d : dirs) {
                    put(jos, d, new byte[0]);
                }
                for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
                    put(jos, e.getKey() + ".class", e.getValue());
                }
                String pkgDir = base.substring(0, base.length() - program.className().length());
                putWeights(jos, pkgDir + program.weightsResource(), program.weights());
                put(jos, pkgDir + program.layersResource(),
                        program.layerTable().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> e : resources.entrySet()) {
                    put(jos, pkgDir + e.getKey(), e.getValue());
                }
                for (Map.Entry<String, byte[]> e : runtime.entrySet()) {
                    put(jos, e.getKey(), e.getValue());
                }
            }
            OutputFiles.moveIntoPlace(tmp, jar);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Manifest manifest(Program program) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.put(Attributes.Name.MAIN_CLASS, ModelMain.class.getName());
        a.put(new Attributes.Name(ModelMain.MODEL_CLASS_ATTRIBUTE), program.qualifiedName());
        a.put(new Attributes.Name("Created-By"), "falconc");
        return m;
    }

    /** Adds the directory entries ({@code a/}, {@code a/b/}) above an entry name. */
    private static void addParents(TreeSet<String> dirs, String name) {
        for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
            dirs.add(name.substring(0, i + 1));
        }
    }

    private static void putWeights(JarOutputStream jos, String name, List<WeightTensor> weights) throws IOException {
        JarEntry e = new JarEntry(name);
        e.setTime(ENTRY_TIME);
        e.setMethod(ZipEntry.STORED);
        long size = WeightsFileWriter.size(weights);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(WeightsFileWriter.crc32(weights));
        jos.putNextEntry(e);
        WeightsFileWriter.write(weights, jos);
        jos.closeEntry();
    }

    private static void put(JarOutputStream jos, String name, byte[] content) throws IOException {
        JarEntry e = new JarEntry(name);
        e.setTime(ENTRY_TIME);
        jos.putNextEntry(e);
        jos.write(content);
        jos.closeEntry();
    }
}

package org.falconc.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.falconc.codegen.EmitKind;
import org.falconc.compiler.ClassNames;
import org.falconc.compiler.CompileListener;
import org.falconc.compiler.CompileRequest;
import org.falconc.compiler.CompileResult;
import org.falconc.compiler.Falconc;
import org.falconc.ir.ErrorKind;
import org.falconc.ir.FalconcException;
import org.falconc.passes.SparsityMode;
import org.falconc.runtime.gemm.MicroKernels;

/**
 * Compiles the project's ONNX models ({@code src/main/onnx/**}{@code /*.onnx}) into Java source and
 * resources under {@code target/generated-sources/falconc}, and adds that directory to the project's
 * compile source roots and, for the resources next to each class (the {@code .weights} file the class
 * loads its constants from, and its layer table), to the project's resources. The project needs
 * {@code org.falconc:falconc-runtime} as a dependency to compile and run the generated classes.
 *
 * <p>Incremental: a model whose last outputs are all present, no older than the model file, and were
 * generated from the same model bytes, settings and falconc version (a fingerprint kept in
 * {@code target/falconc-state}) is not compiled again. The outputs of a model that was removed or is no
 * longer selected are deleted.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class CompileMojo extends AbstractMojo {
    /** The patterns selecting model files when {@code includes} is not given. */
    static final List<String> DEFAULT_INCLUDES = List.of("**/*.onnx");

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** The folder holding the ONNX models; a model's sub-folder below it becomes a sub-package. */
    @Parameter(property = "falconc.sourceDirectory", defaultValue = "${project.basedir}/src/main/onnx", required = true)
    private File sourceDirectory;

    /** Ant-style patterns of the model files to compile, relative to {@code sourceDirectory}; default {@code **}{@code /*.onnx}. */
    @Parameter
    private List<String> includes;

    /** Ant-style patterns of files not to compile, relative to {@code sourceDirectory}. */
    @Parameter
    private List<String> excludes;

    /**
     * Where the Java source and the resources go; added to the compile source roots and, for everything
     * but {@code .java} files, to the resources.
     */
    @Parameter(property = "falconc.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/falconc",
            required = true)
    private File outputDirectory;

    /** Where the plug-in keeps what each model's last compilation wrote and from what (for incremental builds). */
    @Parameter(defaultValue = "${project.build.directory}/falconc-state", readonly = true, required = true)
    private File stateDirectory;

    /**
     * The package of the generated classes (a model in a sub-folder gets a sub-package per folder). Default:
     * the project's groupId made a valid Java package ({@code org.my-co -> org.my_co}).
     */
    @Parameter(property = "falconc.packageName")
    private String packageName;

    /** Shapes of symbolic input dimensions, {@code NAME=1x3x224x224} each (a symbolic batch defaults to 1). */
    @Parameter
    private List<String> inputShapes;

    /** FalCon sparse execution: off, exact (outputs equal the dense model's) or threshold (needs calibration). */
    @Parameter(property = "falconc.sparsity", defaultValue = "exact")
    private String sparsity;

    /** Calibration inputs (photos or {@code .pb} tensors) the sparse schedule and thresholds are tuned on. */
    @Parameter(property = "falconc.calibration")
    private File calibration;

    /** Threshold mode: the share of calibration inputs whose top-1 class may change (relative L2 error otherwise). */
    @Parameter(property = "falconc.maxDrop", defaultValue = "0.01")
    private double maxDrop;

    /** How calibration photos become inputs (imagenet, caffe2, mnist, cifar, ...); default from the input shape. */
    @Parameter(property = "falconc.preprocess")
    private String preprocess;

    /** Per-model settings ({@code file} below {@code sourceDirectory}, and any of the global settings). */
    @Parameter
    private List<Model> models;

    /** Skips the goal: no model is compiled and no source root added. */
    @Parameter(property = "falconc.skip", defaultValue = "false")
    private boolean skip;

    /** Compiles every model even when its outputs are up to date. */
    @Parameter(property = "falconc.force", defaultValue = "false")
    private boolean force;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info("falconc: skipped (falconc.skip)");
            return;
        }
        Path sources = sourceDirectory.toPath();
        Path output = outputDirectory.toPath();
        Path state = stateDirectory.toPath();
        List<ModelJob> jobs = plan(sources);
        removeStale(jobs, output, state);
        if (jobs.isEmpty()) {
            log.info("No ONNX models to compile in " + shown(sources));
            return;
        }
        boolean calibrates = jobs.stream().anyMatch(j -> j.calibration() != null);
        if (calibrates && !MicroKernels.vectorAvailable()) {
            log.warn("falconc: calibration times the compiled model, and this Maven JVM has no Vector API (scalar "
                    + "kernels, about 5x slower); add --add-modules jdk.incubator.vector to .mvn/jvm.config or MAVEN_OPTS");
        }
        String version = falconcVersion();
        int compiled = 0;
        for (ModelJob job : jobs) {
            Path stateFile = BuildState.fileFor(state, job.relative());
            String fingerprint;
            try {
                fingerprint = job.fingerprint(version, output);
                BuildState previous = BuildState.read(stateFile);
                if (!force && previous != null && previous.upToDate(fingerprint, job.file())) {
                    log.debug("falconc: " + job.name() + " is up to date (" + job.className() + ")");
                    continue;
                }
                if (compiled == 0) {
                    log.info("Compiling ONNX models to " + shown(output));
                }
                List<FileTime> previousTimes = previous == null ? List.of() : previous.times();
                // No state while the outputs are being replaced: an interrupted build compiles the model again.
                Files.deleteIfExists(stateFile);
                CompileResult result;
                try {
                    result = compile(job, output);
                } catch (MojoFailureException e) {
                    // The compiler refused before writing (as it does for a bad model or setting): the previous
                    // outputs still match the previous state, so going back to those settings costs no compile.
                    if (previous != null && previous.untouchedSince(previousTimes)) {
                        previous.write(stateFile);
                    }
                    throw e;
                }
                if (previous != null) {
                    previous.deleteFiles(output, result.files());
                }
                new BuildState(job.name(), fingerprint, result.className(), result.files()).write(stateFile);
                compiled++;
            } catch (IOException e) {
                throw new MojoExecutionException("falconc: cannot read or record " + shown(job.file()) + ": " + e, e);
            }
        }
        if (compiled == 0) {
            log.info(jobs.size() == 1 ? "Nothing to compile - the ONNX model is up to date"
                    : "Nothing to compile - all " + jobs.size() + " ONNX models are up to date");
        } else {
            log.info("Compiled " + compiled + " ONNX model" + (compiled == 1 ? "" : "s")
                    + (compiled < jobs.size() ? " (" + (jobs.size() - compiled) + " up to date)" : ""));
        }
        addRoots(output);
    }

    /** One job per selected model file, with its settings resolved; fails on settings that cannot work. */
    private List<ModelJob> plan(Path sources) throws MojoExecutionException, MojoFailureException {
        List<Path> files;
        try {
            files = ModelFiles.select(sources, includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes,
                    excludes == null ? List.of() : excludes);
        } catch (IOException e) {
            throw new MojoExecutionException("falconc: cannot list " + shown(sources) + ": " + e, e);
        }
        Map<String, Model> byFile = new LinkedHashMap<>();
        for (Model m : models == null ? List.<Model>of() : models) {
            if (m.file == null || m.file.isBlank()) {
                throw new MojoFailureException("falconc: a <model> needs a <file> (its path below " + shown(sources) + ")");
            }
            String key = m.file.strip().replace('\\', '/').replaceAll("^(\\./)+", "");
            if (byFile.put(key, m) != null) {
                throw new MojoFailureException("falconc: <models> names " + key + " twice");
            }
        }
        Set<String> found = new HashSet<>();
        files.forEach(f -> found.add(Naming.display(f)));
        for (String key : byFile.keySet()) {
            if (!found.contains(key)) {
                throw new MojoFailureException("falconc: <model> " + key + " is not one of the models in " + shown(sources)
                        + (found.isEmpty() ? " (none found)" : ": " + String.join(", ", found)));
            }
        }
        String basePackage = packageName != null ? packageName.strip() : Naming.packageFromGroupId(project.getGroupId());
        List<ModelJob> jobs = new ArrayList<>();
        Map<String, String> classes = new LinkedHashMap<>();
        for (Path relative : files) {
            Model m = byFile.getOrDefault(Naming.display(relative), new Model());
            if (m.skip) {
                getLog().info("falconc: " + Naming.display(relative) + " skipped (<skip> in its <model>)");
                continue;
            }
            String className = Naming.className(basePackage, relative, m.className);
            try {
                ClassNames.requireUserOwned(className);
            } catch (FalconcException e) {
                throw new MojoFailureException("falconc: " + Naming.display(relative) + ": "
                        + Naming.inParameterTerms(e.getMessage()) + (m.className == null ? " (set packageName or the "
                        + "model's <className>)" : ""));
            }
            String other = classes.put(className.toLowerCase(Locale.ROOT), Naming.display(relative));
            if (other != null) {
                throw new MojoFailureException("falconc: " + other + " and " + Naming.display(relative)
                        + " would both generate class " + className + "; give one a <className> in <models>");
            }
            jobs.add(new ModelJob(relative, sources.resolve(relative), className,
                    m.inputShapes != null ? m.inputShapes : inputShapes == null ? List.of() : inputShapes,
                    sparsityMode(m.sparsity != null ? m.sparsity : sparsity, Naming.display(relative)),
                    resolve(m.calibration != null ? m.calibration : calibration),
                    m.maxDrop != null ? m.maxDrop : maxDrop,
                    blankToNull(m.preprocess != null ? m.preprocess : preprocess), resolve(m.labels)));
        }
        return jobs;
    }

    /** Compiles one model; a model or setting the compiler refuses fails the build with its one-line message. */
    private CompileResult compile(ModelJob job, Path output) throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        String name = job.name();
        CompileListener listener = new CompileListener() {
            @Override
            public void stage(String what) {
                log.debug("falconc: " + name + ": " + what);
            }

            @Override
            public void note(String message) {
                log.info("falconc: " + name + ": " + message);
            }
        };
        try {
            CompileRequest request = CompileRequest.to(output).emit(EmitKind.JAVA).className(job.className())
                    .inputShapes(job.inputShapes()).sparsity(job.sparsity()).calibration(job.calibration())
                    .maxDrop(job.maxDrop()).preprocess(job.preprocess()).labels(job.labels()).listener(listener);
            CompileResult r = Falconc.compile(job.file(), request);
            log.info(String.format(Locale.ROOT, "%s -> %s (%d layers, weights %s, peak activations %s) in %.1f s", name,
                    r.className(), r.layerCount(), bytes(r.weightBytes()), bytes(r.peakActivationBytes()),
                    r.compileMillis() / 1000));
            return r;
        } catch (FalconcException e) {
            if (!e.kind().isUserError()) {
                throw new MojoExecutionException("falconc internal error compiling " + shown(job.file()) + ": "
                        + e.getMessage() + " (run with -e for the stack trace, and please report it)", e);
            }
            String[] lines = Naming.inParameterTerms(e.getMessage() == null ? "error" : e.getMessage().strip()).split("\n");
            if (e.kind() == ErrorKind.UNSUPPORTED) {
                for (int i = 1; i < lines.length; i++) {
                    log.error(lines[i]);
                }
            }
            throw new MojoFailureException("falconc cannot compile " + shown(job.file()) + ": " + lines[0].strip());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("falconc: " + shown(job.file()) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("falconc internal error compiling " + shown(job.file()) + ": " + e
                    + " (run with -e for the stack trace, and please report it)", e);
        }
    }

    /**
     * Deletes what earlier builds generated for models that are no longer compiled (removed, renamed,
     * excluded or skipped), with their state files.
     */
    private void removeStale(List<ModelJob> jobs, Path output, Path state) throws MojoExecutionException {
        Set<Path> current = new HashSet<>();
        for (ModelJob j : jobs) {
            current.add(BuildState.fileFor(state, j.relative()).toAbsolutePath().normalize());
        }
        try {
            for (Path f : BuildState.all(state)) {
                if (current.contains(f.toAbsolutePath().normalize())) {
                    continue;
                }
                BuildState old = BuildState.read(f);
                if (old != null) {
                    int n = old.deleteFiles(output, List.of());
                    if (n > 0) {
                        getLog().info("falconc: removed " + old.className() + " (" + n + " files), generated from "
                                + old.model() + ", which is no longer compiled");
                    }
                }
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("falconc: cannot remove outdated outputs in " + shown(output) + ": " + e, e);
        }
    }

    /** Adds the output directory as a compile source root and as a resource root for all but the Java files. */
    private void addRoots(Path output) {
        String dir = output.toAbsolutePath().normalize().toString();
        if (!project.getCompileSourceRoots().contains(dir)) {
            project.addCompileSourceRoot(dir);
        }
        for (Resource r : project.getResources()) {
            if (dir.equals(r.getDirectory())) {
                return;
            }
        }
        Resource resource = new Resource();
        resource.setDirectory(dir);
        resource.addExclude("**/*.java");
        project.addResource(resource);
    }

    private SparsityMode sparsityMode(String text, String model) throws MojoFailureException {
        String s = text == null ? "exact" : text.strip().toUpperCase(Locale.ROOT);
        try {
            return SparsityMode.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("falconc: " + model + ": sparsity '" + text + "' is not one of off, exact, threshold");
        }
    }

    private Path resolve(File f) {
        if (f == null) {
            return null;
        }
        return f.isAbsolute() ? f.toPath() : project.getBasedir().toPath().resolve(f.toPath());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The falconc version the outputs depend on: the plug-in's version and, for SNAPSHOT builds of falconc
     * (which change under one version), the time stamps of the falconc jars the plug-in runs.
     */
    private String falconcVersion() {
        StringBuilder sb = new StringBuilder(plugin.getVersion());
        List<Artifact> artifacts = plugin.getArtifacts();
        if (artifacts != null) {
            for (Artifact a : artifacts) {
                if (a.isSnapshot() && a.getFile() != null && "org.falconc".equals(a.getGroupId())) {
                    sb.append(' ').append(a.getArtifactId()).append('@').append(a.getFile().lastModified());
                }
            }
        }
        return sb.toString();
    }

    /** A path relative to the project's directory when it is below it. */
    private String shown(Path p) {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) && !abs.equals(base) ? Naming.display(base.relativize(abs)) : abs.toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}

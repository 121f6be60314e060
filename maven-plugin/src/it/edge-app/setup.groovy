// Copies the repository's sample model (samples/models/edge-detector.onnx; sampleModel comes from the invoker's
// scriptVariables) into src/main/onnx twice: vision/edge-detector.onnx keeps the default naming and settings,
// dense.onnx gets its own <model> settings in the pom. The model is not committed a second time.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

def source = Path.of(sampleModel)
assert Files.isRegularFile(source) : "sample model missing: " + source
def onnx = basedir.toPath().resolve("src/main/onnx")
['vision/edge-detector.onnx', 'dense.onnx'].each { target ->
    def to = onnx.resolve(target)
    Files.createDirectories(to.parent)
    Files.copy(source, to, StandardCopyOption.REPLACE_EXISTING)
}
return true

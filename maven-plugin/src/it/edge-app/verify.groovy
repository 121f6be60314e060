// Two builds ran (invoker.properties): the first compiled both models and tested the project against them,
// the second found nothing to compile.
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def expect = { String text -> assert log.contains(text) : "build.log lacks: " + text }

expect 'vision/edge-detector.onnx -> com.example.edges.vision.EdgeDetector ('
expect 'dense.onnx -> com.example.other.DenseEdges ('
expect 'Compiled 2 ONNX models'
expect 'Nothing to compile - all 2 ONNX models are up to date'
// The generated classes were compiled, their tests ran in both builds, and each build compiled models at most once.
assert log.count('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0') >= 2 : 'the project tests did not run twice'
assert log.count('vision/edge-detector.onnx -> ') == 1 : 'the second build compiled the model again'

def generated = new File(basedir, 'target/generated-sources/falconc')
assert new File(generated, 'com/example/edges/vision/EdgeDetector.java').isFile()
assert new File(generated, 'com/example/other/DenseEdges.java').isFile()
// The weights are a resource: copied next to the class, and packaged in the jar.
assert new File(basedir, 'target/classes/com/example/edges/vision/EdgeDetector.weights').isFile()
assert new File(basedir, 'target/classes/com/example/edges/vision/EdgeDetector.class').isFile()
assert !new File(basedir, 'target/classes/com/example/edges/vision/EdgeDetector.java').exists()
def jar = new java.util.jar.JarFile(new File(basedir, 'target/edge-app-1.0.jar'))
try {
    assert jar.getEntry('com/example/edges/vision/EdgeDetector.weights') != null
    assert jar.getEntry('com/example/other/DenseEdges.weights') != null
} finally {
    jar.close()
}
assert new File(basedir, 'target/falconc-state/vision/edge-detector.onnx.state').isFile()
return true

// The build failed (invoker.buildResult) on the model with the compiler's one-line message naming the
// file, without a stack trace, and left nothing behind that a later build could take as up to date.
def log = new File(basedir, 'build.log').text
def failure = log.readLines().findAll { it.contains('[ERROR] Failed to execute goal org.falconc:falconc-maven-plugin') }
assert failure.size() == 1 : 'expected one goal failure, got ' + failure
assert failure[0].contains('on project corrupt-model: falconc cannot compile src/main/onnx/broken.onnx: not an ONNX model: ') :
        failure[0]
assert failure[0].endsWith(' -> [Help 1]') : 'the message is not one line: ' + failure[0]
assert !log.contains('\tat ') && !log.contains('Caused by') : 'a stack trace at the default log level'
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/falconc-state/broken.onnx.state').exists()
return true

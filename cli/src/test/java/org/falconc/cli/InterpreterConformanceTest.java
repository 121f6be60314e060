package org.falconc.cli;

/** Conformance of frontend + standard pipeline + reference interpreter. */
class InterpreterConformanceTest extends ConformanceTest {
    @Override
    ConformanceRunner.Engine engine() {
        return ConformanceRunner.INTERPRETER;
    }

    @Override
    String engineName() {
        return "interpreter";
    }
}

package org.falconc.bench;

/**
 * falconc's GEMM against ONNX Runtime's MatMul on one shape and thread count.
 *
 * @param falconcGflops  median over rounds of falconc's GFLOP/s
 * @param ortGflops      median over rounds of ORT's GFLOP/s
 * @param ratio          median over rounds of falconc's GFLOP/s / ORT's (below 1: falconc is slower)
 * @param agreement      falconc's C against ORT's
 */
public record GemmResult(GemmShape shape, int threads, double falconcGflops, double ortGflops, double ratio,
                         OutputAgreement agreement) {
}

#!/usr/bin/env bash
# The models table of issue 4: runs `falconc bench` on each model at 1 and 2 threads (each model in a
# JVM of its own), then the GEMM micro-benchmark, and writes docs/benchmarks.md.
#
#   bench/run-models.sh [OUT.md]
#
# Environment: THREADS (default 1,2), ROUNDS (30), WARMUP (10), FALCONC_SHARED (../shared),
# FALCONC_BENCH_WORK (where the generated models live; default bench/target/genmodels, generated
# with /usr/bin/python3 and python3-onnx when absent), NOTE (a paragraph put under the title, e.g.
# that the machine was busy).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${FALCONC_SHARED:-$root/../shared}"
work="${FALCONC_BENCH_WORK:-$root/bench/target/genmodels}"
out="${1:-$root/docs/benchmarks.md}"
threads="${THREADS:-1,2}"
rounds="${ROUNDS:-30}"
warmup="${WARMUP:-10}"
images="$shared/data/images"

for m in resnet18 resnet50 vgg16 mobilenetv2; do
  if [ ! -f "$work/$m.onnx" ]; then
    echo "run-models: generating ResNet-18/50, VGG-16, MobileNetV2 into $work..." >&2
    mkdir -p "$work"
    /usr/bin/python3 "$shared/tools/gen_models.py" "$work" >"$work/gen_models.log" 2>&1 \
      || { cat "$work/gen_models.log" >&2; exit 1; }
    break
  fi
done

# model file | preprocessing of the photos (see runtime/.../io/ImagePreset.java) | bench sparsity options.
# Every model: dense (off) and exact without calibration (the run-time decision per layer and input).
# Trained models also threshold mode calibrated
# on the photos: classifiers keep the top-1 class on every photo (--max-drop 0), the others stay within
# 1% relative L2.
models=(
  "$work/resnet18.onnx|imagenet|--sparsity off,exact"
  "$work/resnet50.onnx|imagenet|--sparsity off,exact"
  "$work/vgg16.onnx|imagenet|--sparsity off,exact"
  "$work/mobilenetv2.onnx|imagenet|--sparsity off,exact"
  "$shared/models/squeezenet1.0.onnx|caffe2|--sparsity off,exact,threshold --calibrate $images --max-drop 0"
  "$shared/models/resnet20-cifar10.onnx|cifar|--sparsity off,exact,threshold --calibrate $images --max-drop 0"
  "$shared/models/ultraface-rfb-320.onnx|ultraface|--sparsity off,exact,threshold --calibrate $images --max-drop 0.01"
  "$shared/models/super-resolution-10.onnx|luma|--sparsity off,exact,threshold --calibrate $images --max-drop 0.01"
)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Build once, then run a copy of the jar: every row measures the same build even if sources change
# (the launcher would rebuild between models) or someone else rebuilds bench/target/falconc-bench.jar.
"$root/falconc" bench --version >/dev/null
cp "$root/bench/target/falconc-bench.jar" "$tmp/falconc.jar"
# BENCH_JAVA_OPTS (default -XX:+UseParallelGC): with G1 the bench JVM (ONNX Runtime and falconc in one
# process) timed falconc bimodally (ResNet-50, 1 thread: rounds at 57 and at 88-100 ms, a standalone JVM
# 54 ms); with ParallelGC 50 ms in every round. ONNX Runtime's times do not change (43-45 ms either way).
# JDK 17's C2 leaves some models' register-block methods running the Vector API's Java fallback
# (ResNet-20, 1 thread: 19 ms; 1.2 ms in a standalone JVM with -XX:-TieredCompilation, which did not help
# inside the bench JVM; JDK 25: 0.7-1.1 ms): see the closing note of session 4.
bench_java_opts="${BENCH_JAVA_OPTS:--XX:+UseParallelGC}"
bench() {
  # shellcheck disable=SC2086 # several options
  java $bench_java_opts --add-modules jdk.incubator.vector -jar "$tmp/falconc.jar" bench "$@" 2>"$tmp/err.txt"
  local status=$?
  grep -v '^WARNING: Using incubator modules: jdk.incubator.vector$' "$tmp/err.txt" >&2 || true
  return "$status"
}
rows="$tmp/rows.md"
variants="$tmp/variants.md"
: >"$variants"
details="$tmp/details.md"
header=""
environment=""
: >"$rows"
: >"$details"
for entry in "${models[@]}"; do
  model="${entry%%|*}"
  rest="${entry#*|}"
  preset="${rest%%|*}"
  sparsity="${rest#*|}"
  name="$(basename "$model")"
  echo "run-models: $name..." >&2
  report="$tmp/$name.md"
  # shellcheck disable=SC2086 # $sparsity holds several options
  if bench "$model" --threads "$threads" --rounds "$rounds" --warmup "$warmup" \
      --images "$images" --preprocess "$preset" $sparsity --format md >"$report" 2>"$tmp/failure.txt"; then
    # A report: "## title", blank, environment line, blank, "- " context lines, blank, the table, then
    # (several variants) a blank line, a sentence, a blank line and the variants table.
    [ -n "$header" ] || header="$(grep '^|' "$report" | head -2)"
    [ -n "$environment" ] || environment="$(sed -n 3p "$report")"
    awk '/^\| /{t++} /^$/{if (t) done=1} /^\| / && !done' "$report" | tail -n +2 >>"$rows"
    [ -n "${variants_header:-}" ] || variants_header="$(awk '/^$/{if (t) n++} /^\|/{t++} n>=1 && /^\|/' "$report" | head -2)"
    awk '/^$/{if (t) n++} /^\|/{t++} n>=1 && /^\| /' "$report" | tail -n +2 >>"$variants"
    grep 'calibration' "$tmp/err.txt" | sed "s|^|    $name: |" >>"$tmp/calibration.txt" || true
    { echo "### $name"; echo; grep '^- inputs: \|^- compile ' "$report"; echo; } >>"$details"
  else
    echo "| $name | failed: $(head -1 "$tmp/failure.txt") |" >>"$rows"
    cat "$tmp/failure.txt" >&2
  fi
done

echo "run-models: GEMM micro-benchmark..." >&2
bench --gemm --threads "$threads" --format md >"$tmp/gemm.md" || { echo "run-models: GEMM benchmark failed" >&2; exit 1; }

{
  echo "# Benchmarks: falconc against ONNX Runtime"
  echo
  echo "Written by \`bench/run-models.sh\` (\`falconc bench\` per model, then \`falconc bench --gemm\`) on $(date -u +%Y-%m-%d)."
  echo "$environment."
  if [ -n "${NOTE:-}" ]; then
    echo
    echo "**$NOTE**"
  fi
  echo
  echo "## Models (batch 1, dense: --sparsity off)"
  echo
  echo "Each model is compiled once (compile s), then per thread count falconc and ONNX Runtime run alternately on"
  echo "the same inputs (photos from ../shared/data/images, preprocessed per model): $warmup warm-up rounds, then"
  echo "$rounds timed rounds, the order of the two engines flipping every round. falconc/ORT is the median of the"
  echo "per-round time ratios (below 1: falconc is faster). First inference: the compiled jar in a fresh JVM, class"
  echo "and weight loading plus the first run timed inside it (JVM start to first result in brackets). Heap, in"
  echo "that JVM: used after a GC once the model has run (live: weights, packed weights, arenas) / the summed"
  echo "heap-pool peaks over 3 more inferences (garbage counts until collected). The issue's heap budget,"
  echo "1.2 x (weights + 2 x largest activation), is given per model below. max rel diff: the largest"
  echo "|falconc - ORT| over the outputs / the largest |ORT output|. falconc alone: the same model timed in a"
  echo "block of its own after the rounds, 200 ms after ORT's last run: ORT's idle workers spin for tens of"
  echo "milliseconds after each run (its default), longer than the 5 ms pause before every run, and at 2 threads"
  echo "they take the core falconc's run needs, so the 2-thread ratio understates falconc. ORT alone: ONNX Runtime"
  echo "timed the same way after falconc's block; alone ratio = falconc alone median / ORT alone median, each"
  echo "engine with the machine to itself. GFLOP/s: the dense convolution and matrix-product FLOPs of one"
  echo "inference (2 x the MACs of the compiled model's layers) / falconc's median (falconc ms); % of peak: that"
  echo "GFLOP/s / (the machine's fp32 FMA peak per core x threads). The peak, named in the environment line"
  echo "above, is measured before each model by a Vector API loop of twelve independent FMA chains on one"
  echo "thread (best of 10 x 20 ms); N threads' peak is N x that, the ideal for N free cores."
  echo
  echo "$header"
  cat "$rows"
  echo
  echo "## Sparse execution (FalCon decomposed convolutions)"
  echo
  echo 'The same rounds also timed the model compiled with `--sparsity exact` (no calibration: each decomposed layer'
  echo 'runs sparse or dense per input by its cost-model break-even), exact calibrated on photos (random-weight'
  echo 'models) and `--sparsity threshold` calibrated on the photos (trained models); vs first is the median per-round'
  echo 'time ratio to the dense (`--sparsity off`) compilation, below 1 is faster.'
  echo 'GFLOP/s and % of peak count the dense FLOPs, so a variant that skips MACs shows its dense-equivalent rate.'
  echo 'See docs/sparsity.md for what the variants do, and `falconc profile` for MAC reduction, capture and'
  echo 'GFLOP/s per layer.'
  echo
  echo "${variants_header:-}"
  cat "$variants"
  echo
  if [ -s "$tmp/calibration.txt" ]; then
    echo "Calibration (stderr of the runs):"
    echo
    echo '```'
    cat "$tmp/calibration.txt"
    echo '```'
    echo
  fi
  echo "## GEMM on the ResNet-50 convolution shapes"
  grep -v '^## \|^JDK ' "$tmp/gemm.md" | cat -s
  echo
  echo "## Per-model details"
  echo
  cat "$details"
  echo "## Reproduce"
  echo
  echo '```sh'
  echo "bench/run-models.sh                        # this file (THREADS, ROUNDS, WARMUP, NOTE in the environment)"
  echo "./falconc bench MODEL.onnx --threads 1,2 [--images DIR] [--format md|json]"
  echo "./falconc bench --gemm --threads 1,2"
  echo '```'
  echo
  echo "\`./falconc bench\` runs java with \`--add-modules jdk.incubator.vector\` (the Vector API GEMM; the JVM's"
  echo "incubator warning is filtered from stderr) and needs ONNX Runtime's native library, which the shaded"
  echo "bench/target/falconc-bench.jar carries (the script builds it once and runs a copy, so all rows measure one"
  echo "build). Run on a quiet machine. Before every run the harness pauses 5 ms (untimed) so that the other"
  echo "engine's spinning idle workers (ORT's by default) do not take the core this run needs;"
  echo "\`--format json\` gives every number of a run."
} >"$out"
echo "run-models: wrote $out" >&2

# The README shows the same tables between its bench markers (only when writing the docs page).
if [ "$out" = "$root/docs/benchmarks.md" ]; then
  {
    echo "Measured by bench/run-models.sh on $(date -u +%Y-%m-%d): $environment. Batch 1, photos from"
    echo '../shared/data/images; falconc/ORT is the median per-round time ratio (below 1: falconc is faster), alone'
    echo 'ratio the ratio of the medians of each engine timed in a block of its own; GFLOP/s = dense conv and'
    echo 'matrix-product FLOPs per inference / falconc ms, % of peak = GFLOP/s / (fp32 FMA peak per core x threads),'
    echo 'the peak measured by a Vector API FMA loop (environment line). The first table is the dense compilation'
    echo '(`--sparsity off`), the second the sparsity variants timed in the same rounds. Details, GEMM figures and'
    echo 'how to reproduce: [docs/benchmarks.md](docs/benchmarks.md).'
    echo
    echo "$header"
    cat "$rows"
    echo
    echo "${variants_header:-}"
    cat "$variants"
  } >"$tmp/readme-table.md"
  awk -v table="$tmp/readme-table.md" '
    /^<!-- bench:start/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /^<!-- bench:end/ { skip = 0 }
    !skip' "$root/README.md" >"$tmp/README.md" && cp "$tmp/README.md" "$root/README.md"
  echo "run-models: updated the table in README.md" >&2
fi

#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, NEWSGRAPH_FUZZ=ON, in build-fuzz/ or $NEWSGRAPH_FUZZ_BUILD)
# and runs each for SECONDS (default 60), starting from its seed corpus (fuzz/corpus/TARGET/)
# and past findings (fuzz/regressions/TARGET/). Exits 1 on any finding: a crash, a failed
# check, a sanitizer report, a leak, an input taking over 25 s or 2 GB.
#   fuzz/run.sh [SECONDS] [TARGET...]
# New interesting inputs go to BUILD/fuzz-work/TARGET/corpus/ (kept between runs), findings
# to BUILD/fuzz-work/TARGET/findings/; copy a finding into fuzz/regressions/TARGET/ once
# fixed, and ctest replays it from then on (fuzz.replay.TARGET).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(ingest extract jsonl export nlp model snapshot)
build=${NEWSGRAPH_FUZZ_BUILD:-build-fuzz}

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_TESTS=OFF \
    >/dev/null
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=print_suppressions=0

status=0
for target in "${targets[@]}"; do
    work="$build/fuzz-work/$target"
    mkdir -p "$work/corpus" "$work/findings"
    log="$work/last-run.log"
    started=$SECONDS
    seeds=("fuzz/corpus/$target")
    [ -d "fuzz/regressions/$target" ] && seeds+=("fuzz/regressions/$target")
    if "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/findings/" \
        "$work/corpus" "${seeds[@]}" >"$log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    corpus=$(find "$work/corpus" -type f | wc -l)
    echo "fuzz_$target: $result, ${runs:-?} executions in $((SECONDS - started)) s," \
         "$corpus inputs in $work/corpus"
    # Inputs a target skipped because the machine refused its scratch files (fuzz_model).
    skipped=$(grep -c "^skipped an input" "$log" || true)
    if [ "$skipped" -gt 0 ]; then
        echo "  $skipped inputs skipped: the file system refused a scratch file (full disk?)"
    fi
    if [ "$result" = FAILED ]; then
        grep -E "ERROR|SUMMARY|check failed|Test unit written|runtime error|terminate called|what\(\)|Assertion" "$log" | head -20
        echo "  full log: $log"
    fi
done
exit $status

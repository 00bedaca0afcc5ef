#!/usr/bin/env bash
# Runs fuzz targets for SECONDS each (default 600), two at a time, on the stable toolchain
# (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags). Builds once, then runs the libFuzzer
# binaries directly (so edits to src/ during a run do not trigger rebuilds). Logs go to
# fuzz/logs/<target>.log; a crash leaves its input in fuzz/artifacts/<target>/.
#   cargo install cargo-fuzz --locked     # once
#   fuzz/run.sh 600                       # every target, 10 minutes each
#   fuzz/run.sh 60 slug resolve           # some targets, one minute each
set -uo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(frontmatter markdown fluent slug resolve)
export RUSTC_BOOTSTRAP=1
./seed.sh >/dev/null
if [ -z "${NO_BUILD:-}" ]; then
  cargo fuzz build -O || exit 1
fi
bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs
run() {
  local t=$1
  mkdir -p "artifacts/$t"
  "$bin/$t" "corpus/$t" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" > "logs/$t.log" 2>&1
  local rc=$?
  echo "$t: exit $rc, $(grep -c 'ERROR: libFuzzer\|ERROR: AddressSanitizer\|panicked at' "logs/$t.log") crash reports, $(grep -m1 'stat::number_of_executed_units' "logs/$t.log")"
}
i=0
for t in "${targets[@]}"; do
  run "$t" &
  i=$((i + 1))
  if [ $((i % 2)) -eq 0 ]; then wait; fi
done
wait

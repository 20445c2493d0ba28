#!/usr/bin/env bash
# Smoke test of the Linux app image (installer/target/dist/BoothDesk), run by .ci/run on every CI run:
#   1. --version from the image (version, build time, data folder);
#   2. an installed booth with no site file refuses to start the demo by itself (exit 6);
#   3. the demo (--demo) under Xvfb with the real GTK window: the process writes its own screenshot, then gets
#      SIGTERM and must stop cleanly: exit code, "booth stopped" logged, no socat left behind.
# Usage: installer/smoke-linux.sh [DISPLAY_NUMBER]     (default 99; needs xvfb and libgtk-3-0)
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=installer/target/dist/BoothDesk/bin/BoothDesk
DISP=":${1:-99}"
say() { printf 'smoke: %s\n' "$*"; }
fail() { say "FAILED: $*"; [ -n "${WORK:-}" ] && tail -n 40 "$WORK/run.out" 2>/dev/null; exit 1; }
[ -x "$IMAGE" ] || fail "no app image at $IMAGE (build it with ./mvnw -Pjpackage -DskipTests package)"
WORK=$(mktemp -d)
XVFB_PID=""
BOOTH_PID=""
cleanup() {
  [ -n "$BOOTH_PID" ] && kill -KILL "$BOOTH_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$IMAGE" --version --data "$WORK/data" | tee "$WORK/version.txt"
grep -q "^BoothDesk [0-9]" "$WORK/version.txt" || fail "--version printed no version"
grep -q "data folder: $WORK/data" "$WORK/version.txt" || fail "--version printed no data folder"

set +e
"$IMAGE" run --data "$WORK/empty" --headless >"$WORK/first.out" 2>&1
rc=$?
set -e
[ "$rc" -eq 6 ] || { cat "$WORK/first.out"; fail "an unconfigured installed booth started (exit $rc), expected exit 6"; }
say "unconfigured installed booth refused to start the demo by itself: ok"

Xvfb "$DISP" -screen 0 1600x1000x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${DISP#:}" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X${DISP#:}" ] || fail "Xvfb $DISP did not start"

SHOT="$WORK/window.png"
start=$(date +%s)
DISPLAY="$DISP" "$IMAGE" run --demo --data "$WORK/data" --screenshot "$SHOT" --screenshot-after 5 \
  --set demo.entry_interval_seconds=2 >"$WORK/run.out" 2>&1 &
BOOTH_PID=$!
for _ in $(seq 1 600); do
  [ -s "$SHOT" ] && grep -q "Screenshot written" "$WORK/data/logs/boothdesk.log" 2>/dev/null && break
  kill -0 "$BOOTH_PID" 2>/dev/null || fail "the booth exited before its window came up"
  sleep 0.2
done
[ -s "$SHOT" ] || fail "no screenshot within 120 s"
grep -q "Unable to load glass GTK" "$WORK/run.out" && fail "JavaFX could not load GTK"
size=$(stat -c %s "$SHOT")
[ "$size" -gt 10000 ] || fail "the screenshot is only $size bytes"
say "window up with the real GTK toolkit after $(( $(date +%s) - start )) s, screenshot $size bytes"
[ -n "${SMOKE_SCREENSHOT:-}" ] && cp "$SHOT" "$SMOKE_SCREENSHOT"

children=$(pgrep -P "$BOOTH_PID" -d ' ' || true)
kill -TERM "$BOOTH_PID"
set +e
wait "$BOOTH_PID"
rc=$?
set -e
BOOTH_PID=""
[ "$rc" -eq 143 ] || [ "$rc" -eq 0 ] || fail "exit code $rc after SIGTERM"
grep -q "booth stopped" "$WORK/data/logs/boothdesk.log" || fail "no 'booth stopped' in the log"
grep -q "Closed database" "$WORK/data/logs/boothdesk.log" || fail "the database was not closed"
for c in $children; do
  kill -0 "$c" 2>/dev/null && fail "child process $c ($(ps -o comm= -p "$c")) still running after SIGTERM"
done
[ -z "$(pgrep -f "$WORK/data" || true)" ] || fail "processes using the data folder are still running"
say "stopped cleanly on SIGTERM (exit $rc, children gone: ${children:-none}); total $(( $(date +%s) - start )) s"

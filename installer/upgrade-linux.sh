#!/usr/bin/env bash
# Upgrade test of the Linux app image, run by .ci/run after the smoke start (installer/target/dist/BoothDesk must
# exist). Follows what a technician does on a booth PC:
#   1. "install" version N (the image built from this checkout) into a program folder;
#   2. set the booth up and use it: a site file (settings), the first admin, a run of the demo with that attendant
#      logged in (run --attendant) whose stand-in settles exits in cash: orders, gate events, an open shift;
#   3. replace the program folder by version N+1 — N's files plus a jar with the next version's migration
#      (V49: a new column filled from the old rows and a new table; Flyway finds it on the class path as it finds
#      a real release's) and its build.properties (the newer version number) — the data folder is not touched;
#   4. start N+1 on the same data: it migrates, the attendant's open shift is resumed, the booth runs;
#   5. check: N+1's version, every order of N still there and migrated, the shift the same, the settings in force.
# Usage: installer/upgrade-linux.sh        (needs java 17+ on the PATH for H2's console and the jar tool)
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=installer/target/dist/BoothDesk
say() { printf 'upgrade: %s\n' "$*"; }
fail() { say "FAILED: $*"; [ -n "${WORK:-}" ] && tail -n 30 "$WORK"/run-*.out 2>/dev/null; exit 1; }
[ -x "$IMAGE/bin/BoothDesk" ] || fail "no app image at $IMAGE (build it with ./mvnw -Pjpackage -DskipTests package)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PROG="$WORK/opt/BoothDesk"
DATA="$WORK/data"
PASSWORD="upgrade-test-$$"
start=$(date +%s)

# 1. version N
mkdir -p "$WORK/opt"
cp -a "$IMAGE" "$PROG"
vN=$("$PROG/bin/BoothDesk" --version --data "$DATA" | sed -n 's/^BoothDesk //p')
say "version N: $vN"

# 2. settings, the first admin, a run with that attendant on duty
mkdir -p "$DATA"
cat > "$DATA/boothdesk.properties" <<'PROPS'
# the upgrade test's site: the demo's lanes and simulators, its own booth id and staff rules
booth.id=UPGRADE-01
demo.enabled=true
demo.auto_attendant=true
demo.entry_interval_seconds=1
demo.exit_interval_seconds=1
staff.supervisor_free_above=5.00
backup.keep=3
PROPS
site_sum=$(sha256sum "$DATA/boothdesk.properties" | cut -d' ' -f1)
echo "$PASSWORD" | "$PROG/bin/BoothDeskCli" account create-admin --id 9001 --name 升级测试 --data "$DATA" \
  --password-stdin >"$WORK/admin.out" 2>&1 || { cat "$WORK/admin.out"; fail "create-admin"; }
set +e
echo "$PASSWORD" | "$PROG/bin/BoothDesk" run --data "$DATA" --headless --attendant 9001 --exit-after 18 \
  >"$WORK/run-n.out" 2>&1
rc=$?
set -e
[ "$rc" -eq 0 ] || fail "version N exited with $rc"
grep -q "shift .* started for 9001" "$WORK/run-n.out" || fail "no shift started in version N"
"$PROG/bin/BoothDeskCli" data status --data "$DATA" >"$WORK/before.txt" || fail "data status (N)"
field() { sed -n "s/^$1: //p" "$2"; }
orders_n=$(field "orders" "$WORK/before.txt")
closed_n=$(field "orders closed" "$WORK/before.txt")
money_n=$(field "money taken fen" "$WORK/before.txt")
shift_n=$(field "shift ids" "$WORK/before.txt")
say "version N set up and used in $(( $(date +%s) - start )) s"
say "version N made $orders_n orders ($closed_n closed, $money_n fen taken), shift $shift_n"
[ "$closed_n" -gt 0 ] || fail "version N closed no order (the stand-in attendant settled nothing)"
[ -n "$shift_n" ] || fail "version N has no shift"

# 3. version N+1 replaces the program folder
IFS=. read -r major minor patch <<<"${vN%%-*}"
vN1="$major.$minor.$((patch + 1))"
mkdir -p "$WORK/next/com/boothdesk/app/db/migration" "$WORK/next/com/boothdesk/app/ops"
cp app/src/test/resources/com/boothdesk/app/ops/upgrade/V49__next_version_probe.sql \
  "$WORK/next/com/boothdesk/app/db/migration/"
printf 'version=%s\nbuild.time=%s\n' "$vN1" "$(date -u +%FT%TZ)" >"$WORK/next/com/boothdesk/app/ops/build.properties"
rm -rf "$PROG"
cp -a "$IMAGE" "$PROG"
(cd "$WORK/next" && jar --create --file "$PROG/lib/app/boothdesk-next-release.jar" com)
for cfg in "$PROG"/lib/app/*.cfg; do
  # first on the class path, so that its build.properties is the one found
  sed -i 's|^\[Application\]$|[Application]\napp.classpath=$APPDIR/boothdesk-next-release.jar|' "$cfg"
done
got=$("$PROG/bin/BoothDesk" --version --data "$DATA" | sed -n 's/^BoothDesk //p')
[ "$got" = "$vN1" ] || fail "the new program folder says version '$got', expected $vN1"
say "version N+1: $vN1 installed over N; data folder untouched"
t1=$(date +%s)

# 4. N+1 on the same data
set +e
echo "$PASSWORD" | "$PROG/bin/BoothDesk" run --data "$DATA" --headless --attendant 9001 --exit-after 3 \
  >"$WORK/run-n1.out" 2>&1
rc=$?
set -e
[ "$rc" -eq 0 ] || fail "version N+1 exited with $rc"
grep -q "shift $shift_n resumed for 9001" "$WORK/run-n1.out" || fail "N+1 did not resume shift $shift_n"
say "version N+1 started, migrated and stopped in $(( $(date +%s) - t1 )) s"
"$PROG/bin/BoothDeskCli" data status --data "$DATA" >"$WORK/after.txt" || fail "data status (N+1)"

# 5. checks
grep -q "^last migration: V49 next version probe" "$WORK/after.txt" || fail "V49 not applied: $(cat "$WORK/after.txt")"
[ "$(field "shift ids" "$WORK/after.txt")" = "$shift_n" ] || fail "shifts changed: $(field "shift ids" "$WORK/after.txt")"
[ "$(field "orders" "$WORK/after.txt")" -ge "$orders_n" ] || fail "orders lost"
[ "$(field "orders closed" "$WORK/after.txt")" -ge "$closed_n" ] || fail "closed orders lost"
[ "$(field "money taken fen" "$WORK/after.txt")" -ge "$money_n" ] || fail "money lost"
[ "$(field "accounts" "$WORK/after.txt")" -eq 1 ] || fail "the admin account is gone"
h2=$(ls "$PROG"/lib/app/h2-*.jar | head -n 1)
sql() {
  java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/db/boothdesk" -user booth \
    -password "$(cat "$DATA/db/db.password")" -sql "$1" | sed -n 2p | tr -d ' '
}
migrated=$(sql "SELECT COUNT(*) FROM parking_order WHERE upgrade_probe = 'migrated:' || plate")
[ "$migrated" -eq "$orders_n" ] || fail "$migrated of N's $orders_n orders carry the migrated value"
[ "$(sql "SELECT note FROM upgrade_probe_log WHERE id = 1")" = "V49applied" ] || fail "V49's new table is empty"
[ "$(sha256sum "$DATA/boothdesk.properties" | cut -d' ' -f1)" = "$site_sum" ] || fail "the site file changed"
grep -q "Starting BoothDesk booth UPGRADE-01" "$DATA/logs/boothdesk.log" || fail "N+1 did not use the site's booth.id"
if grep -q -- "$PASSWORD" "$DATA"/logs/*.log; then fail "the password is in a log"; fi
say "N+1 kept all $orders_n orders of N ($migrated migrated by V49), the shift $shift_n resumed, the settings in force"
say "ok in $(( $(date +%s) - start )) s"

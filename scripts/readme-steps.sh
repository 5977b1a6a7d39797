#!/usr/bin/env bash
# Runs the README's "Run natively" and "Demo" steps in the order written, as a new user would, and fails with the
# step, its output and the services' last log lines when one of them does not do what the README says:
#
#   0. run-local.sh names a JAVA_HOME without Java, keeps a given PARX_TS_DB_URL, skips a 5433 without TimescaleDB
#   1. native start with an administrator password, status (six services UP)
#   2. demo start without a login: must fail saying which login to give, and leave nothing of its own running
#   3. demo start with the native run's login, the printed login signs in through the web console's address,
#      a channel test through the admin-api of a Modbus channel on a port that speaks OPC UA answers in time
#   4. demo status, demo stop, native stop (all DOWN)
#   5. demo start on an empty database (a fresh machine): its printed default login signs in; demo stop
#
#   scripts/readme-steps.sh        needs the jars (./mvnw package, or .ci/run's build) or builds them, like the README
#
# Isolated from other stacks and test runs on the machine: databases parx_readme_<pid>_*, Redis prefix
# parx-readme-<pid>:, MQTT prefix parx-readme-<pid>/, run directory .run-readme; all removed at the end. The
# services' ports are the README's (3000-3004, 8080, demo plant 5020 and 4840): they must be free.
# PARX_README_STEP_TIMEOUT [600] bounds each start (seconds; a build on a cold machine counts).
set -euo pipefail
cd "$(dirname "$0")/.."

ID="$$"
export PARX_RUN_DIR=.run-readme
export PARX_REDIS_PREFIX="parx-readme-$ID:"
export PARX_DEMO_MQTT_PREFIX="parx-readme-$ID/"
export PARX_START_TIMEOUT="${PARX_START_TIMEOUT:-300}"
unset PARX_ADMIN_USERNAME PARX_ADMIN_PASSWORD PARX_CONFIG_DB_URL PARX_TS_DB_URL
STEP_TIMEOUT="${PARX_README_STEP_TIMEOUT:-600}"
PASSWORD='a-strong-password'
DATABASES=()
OUT=$(mktemp -d)
STEP=

log() { echo "[readme-steps] $*" >&2; }

fail() {
	log "FAILED in step '$STEP': $*"
	exit 1
}

# run NAME SECONDS CMD...: runs a README command with a time limit, its output kept in $OUT/NAME and shown.
run() {
	local name=$1 seconds=$2
	shift 2
	log "\$ $*"
	local rc=0 began=$SECONDS
	timeout --kill-after=20 "$seconds" "$@" >"$OUT/$name" 2>&1 || rc=$?
	sed 's/^/    /' "$OUT/$name" >&2
	if ((rc == 124)); then log "'$*' did not finish within $seconds s"; fi
	log "($((SECONDS - began)) s, exit $rc)"
	return $rc
}

# The README must still say what this script runs: a changed step needs a changed test.
readme_says() {
	grep -qF -- "$1" README.md || fail "README.md no longer contains: $1 (update scripts/readme-steps.sh with it)"
}

use_databases() { # prefix
	export PARX_LOCAL_DB_PREFIX=$1
	DATABASES+=("$1")
}

drop_databases() {
	local prefix port
	for prefix in "${DATABASES[@]}"; do
		for port in 5432 5433; do
			pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null || continue
			psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "drop database if exists ${prefix}_config" \
				-c "drop database if exists ${prefix}_ts" >/dev/null 2>&1 || true
		done
	done
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	if ((rc != 0)); then
		log "last log lines of each service ($PARX_RUN_DIR/logs):"
		for f in "$PARX_RUN_DIR"/logs/*.log; do
			[[ -f $f ]] || continue
			echo "---- $f" >&2
			tail -25 "$f" >&2
		done
	fi
	log "cleaning up"
	timeout 120 scripts/demo.sh stop >/dev/null 2>&1 || true
	timeout 120 scripts/run-local.sh stop >/dev/null 2>&1 || true
	drop_databases
	if command -v redis-cli >/dev/null; then
		redis-cli -h 127.0.0.1 --scan --pattern "${PARX_REDIS_PREFIX}*" | xargs -r -n 500 redis-cli -h 127.0.0.1 del \
			>/dev/null 2>&1 || true
	fi
	rm -rf "$OUT" "$PARX_RUN_DIR"
	if ((rc == 0)); then log "passed in $SECONDS s"; else log "FAILED (exit $rc) after $SECONDS s"; fi
	exit "$rc"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# sign_in USER PASSWORD: through the web console's address, as the browser does; prints the HTTP status.
sign_in() {
	curl -sS -m 20 -o "$OUT/login.json" -w '%{http_code}' -X POST "http://localhost:8080/api/v1/auth/login" \
		-H 'Content-Type: application/json' \
		-d "$(jq -nc --arg u "$1" --arg p "$2" '{username:$u,password:$p}')"
}

# The login the demo printed ("login            admin / secret   (POST ...)").
printed_login() {
	sed -n 's/^  login  *\([^ ]*\) \/ \([^ ]*\)  *(POST.*/\1 \2/p' "$OUT/$1" | tail -1
}

all_down() {
	local status
	status=$(scripts/run-local.sh status 2>&1 || true)
	[[ $(grep -c ': DOWN' <<<"$status") == 6 ]]
}

trap cleanup EXIT
trap 'exit 130' INT TERM

STEP="prerequisites"
for tool in curl jq psql pg_isready timeout; do command -v "$tool" >/dev/null || fail "$tool is missing"; done
for port in 3000 3001 3002 3003 3004 8080 5020 4840; do
	port_open "$port" && fail "port $port is in use: the README's steps need it free (another ParX stack or demo?)"
done
rm -rf "$PARX_RUN_DIR"
readme_says "PARX_ADMIN_USERNAME=admin PARX_ADMIN_PASSWORD='$PASSWORD' scripts/run-local.sh start"
readme_says "scripts/run-local.sh status"
readme_says "PARX_ADMIN_USERNAME=admin PARX_ADMIN_PASSWORD='$PASSWORD' scripts/demo.sh start"
readme_says "scripts/demo.sh status"
readme_says "scripts/demo.sh stop"
readme_says "scripts/run-local.sh stop"
use_databases "parx_readme_${ID}_a"

STEP="Run natively: which Java, which databases"
rc=0
JAVA_HOME=/nonexistent run no-java 120 scripts/run-local.sh start || rc=$?
((rc != 0)) && grep -q "JAVA_HOME=/nonexistent has no bin/java" "$OUT/no-java" \
	|| fail "a JAVA_HOME without Java is not named (exit $rc)"
port_open 3000 && fail "a start without Java launched the admin-api"
PARX_TS_DB_URL="jdbc:postgresql://127.0.0.1:5432/plant_ts" run given-ts 60 scripts/run-local.sh databases \
	|| fail "run-local.sh databases failed"
grep -q "plant_ts (from PARX_TS_DB_URL, not created)" "$OUT/given-ts" || fail "a given PARX_TS_DB_URL is not kept"
# plain PostgreSQL where TimescaleDB is looked for: said, and not taken for TimescaleDB
PARX_TIMESCALE_PORT=5432 run no-timescale 60 scripts/run-local.sh databases || fail "run-local.sh databases failed"
grep -q "offers no timescaledb extension" "$OUT/no-timescale" || fail "a server without TimescaleDB is not named"

STEP="Run natively: start"
PARX_ADMIN_USERNAME=admin PARX_ADMIN_PASSWORD="$PASSWORD" run native-start "$STEP_TIMEOUT" scripts/run-local.sh start \
	|| fail "scripts/run-local.sh start failed"
grep -q "open http://localhost:8080" "$OUT/native-start" || fail "start did not end with 'open http://localhost:8080'"

STEP="Run natively: status"
run native-status 60 scripts/run-local.sh status || fail "not every service is UP"
[[ $(grep -c ': UP' "$OUT/native-status") == 6 ]] || fail "status does not list six services UP"

STEP="Demo: start without the native run's login"
rc=0
run demo-no-login "$STEP_TIMEOUT" scripts/demo.sh start || rc=$?
((rc != 0)) || fail "demo.sh start signed in with the demo password although the native run created the administrator"
grep -q "PARX_ADMIN_PASSWORD=" "$OUT/demo-no-login" || fail "the failure does not say which login to give"
grep -q "curl: (22)" "$OUT/demo-no-login" && fail "the failure is curl's bare error"
grep -q "parx-demo-admin  " "$OUT/demo-no-login" && fail "a login that does not work was printed as the login"
port_open 5020 && fail "the failed start left the demo plant running"
run native-status-2 60 scripts/run-local.sh status || fail "the failed demo start stopped the native run's services"

STEP="Demo: start with the native run's login"
PARX_ADMIN_USERNAME=admin PARX_ADMIN_PASSWORD="$PASSWORD" run demo-start "$STEP_TIMEOUT" scripts/demo.sh start \
	|| fail "scripts/demo.sh start failed"
read -r user password <<<"$(printed_login demo-start)"
[[ $user == admin && $password == "$PASSWORD" ]] || fail "the printed login is '$user / $password'"

STEP="Demo: sign in with the printed login"
code=$(sign_in "$user" "$password") || fail "the web console at :8080 does not answer"
[[ $code == 200 ]] || fail "signing in as $user failed with $code: $(cat "$OUT/login.json")"
token=$(jq -r .accessToken "$OUT/login.json")

STEP="Demo: a channel test through the admin-api of a host that speaks another protocol answers in time"
# Modbus on the demo plant's OPC UA port: the device's error within the channel's timeout (it was a 503 blaming
# the collector after 10 s)
channel=$(curl -sS -m 20 -X POST http://localhost:3000/api/v1/io/channels -H "Authorization: Bearer $token" \
	-H 'Content-Type: application/json' -d '{"name":"Readme.WrongPort","dataType":"INT16","protocol":"MODBUS_TCP",
	"settings":{"host":"127.0.0.1","port":4840,"unitId":1,"registerType":"HOLDING_REGISTER","address":0,"timeoutMs":1000}}' \
	| jq -r .id)
[[ $channel =~ ^[0-9]+$ ]] || fail "the channel could not be created: $channel"
start_ns=$(date +%s%N)
code=$(curl -sS -m 30 -o "$OUT/test.json" -w '%{http_code}' -X POST \
	"http://localhost:3000/api/v1/io/channels/$channel/test" -H "Authorization: Bearer $token")
took_ms=$((($(date +%s%N) - start_ns) / 1000000))
log "channel test: HTTP $code after $took_ms ms: $(cat "$OUT/test.json")"
[[ $code == 200 ]] || fail "the channel test answered $code"
jq -e '.qualityName | startswith("Bad_")' "$OUT/test.json" >/dev/null || fail "the channel test is not a bad quality"
((took_ms < 3000)) || fail "the channel test took $took_ms ms with a 1000 ms channel timeout"

STEP="Demo: status"
run demo-status 60 scripts/demo.sh status || fail "scripts/demo.sh status failed"
grep -q "demo-plant: UP" "$OUT/demo-status" || fail "the demo plant is not UP"

STEP="Demo: stop"
run demo-stop 180 scripts/demo.sh stop || fail "scripts/demo.sh stop failed"
port_open 5020 && fail "the demo plant still runs after stop"

STEP="Run natively: stop"
run native-stop 180 scripts/run-local.sh stop || fail "scripts/run-local.sh stop failed"
all_down || fail "services still answer after stop: $(scripts/run-local.sh status 2>&1 || true)"

STEP="Demo on an empty database: start"
use_databases "parx_readme_${ID}_b"
readme_says "scripts/demo.sh start "
run demo-fresh "$STEP_TIMEOUT" scripts/demo.sh start || fail "scripts/demo.sh start failed on an empty database"
read -r user password <<<"$(printed_login demo-fresh)"
[[ $user == admin && $password == parx-demo-admin ]] || fail "the printed login is '$user / $password'"
code=$(sign_in "$user" "$password") || fail "the web console at :8080 does not answer"
[[ $code == 200 ]] || fail "signing in with the printed default login failed with $code: $(cat "$OUT/login.json")"

STEP="Demo on an empty database: stop"
run demo-fresh-stop 180 scripts/demo.sh stop || fail "scripts/demo.sh stop failed"
all_down || fail "services still answer after stop"

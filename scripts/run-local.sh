#!/usr/bin/env bash
# Runs the five ParX services and the web console (the gateway "web", the browser's one address) natively against
# the machine's PostgreSQL and Redis (no Docker).
#
#   PARX_ADMIN_PASSWORD='choose-one' scripts/run-local.sh start   build if needed, create databases, start, wait for health
#   scripts/run-local.sh stop                                      stop all six
#   scripts/run-local.sh status                                    health of each
#   scripts/run-local.sh databases                                 the databases start would use (creates none)
#
# The administrator (PARX_ADMIN_USERNAME, PARX_ADMIN_PASSWORD) is created only by the first start on an empty config
# database; later starts keep the one that exists and ignore these variables.
# The time-series database goes to TimescaleDB on 127.0.0.1:5433 (PARX_TIMESCALE_PORT) when a server there offers
# the timescaledb extension (scripts/timescaledb.sh start), otherwise to plain PostgreSQL on 5432. Databases are created only for
# the URLs this script chooses: with PARX_CONFIG_DB_URL or PARX_TS_DB_URL set, that database must exist.
# Java: JAVA_HOME, else a JDK 25 in /usr/lib/jvm, else java on PATH (scripts/java-home.sh); building needs JDK 25.
# Logs and pids live in .run/ (PARX_RUN_DIR); state (signing key, buffer) in .run/data (PARX_DATA_DIR).
# PARX_LOCAL_DB_PREFIX [parx] names the databases start creates (<prefix>_config, <prefix>_ts).
# Every CONTRACTS.md variable set in the environment (PARX_*, SERVER_PORT excepted) is passed through unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/java-home.sh
source scripts/java-home.sh
RUN="${PARX_RUN_DIR:-.run}"
DB_PREFIX="${PARX_LOCAL_DB_PREFIX:-parx}"
# web comes last: it starts once the five services behind it are ready (its own readiness needs the admin-api).
SERVICES=(admin-api:3000 data-router:3001 collector:3002 storage-engine:3003 analytics-engine:3004
	"web:${PARX_WEB_PORT:-8080}")
PG_HOST="${PARX_PG_HOST:-127.0.0.1}"
TS_PORT="${PARX_TIMESCALE_PORT:-5433}"
OWN_CONFIG=0

fail() { echo "run-local: $*" >&2; exit 1; }

pg() { psql -h "$PG_HOST" -p "$1" -U postgres -d postgres -Atqc "$2"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

create_db() { # port name
	if [[ -z "$(pg "$1" "select 1 from pg_database where datname = '$2'")" ]]; then
		pg "$1" "create database $2" && echo "created database $2 on port $1"
	fi
}

requirements() {
	local tool
	for tool in psql pg_isready curl; do
		command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install postgresql-client curl)"
	done
	if [[ -z "${PARX_CONFIG_DB_URL:-}" || -z "${PARX_TS_DB_URL:-}" ]]; then
		pg_isready -q -h "$PG_HOST" -p 5432 \
			|| fail "PostgreSQL does not answer on $PG_HOST:5432 (needed with trust authentication for postgres)"
	fi
	if [[ -z "${PARX_REDIS_URL:-}" ]]; then
		port_open 6379 || fail "Redis does not answer on 127.0.0.1:6379 (start redis-server, or set PARX_REDIS_URL)"
	fi
}

build() {
	local missing=0 s
	for s in "${SERVICES[@]}"; do [[ -f "${s%%:*}/target/${s%%:*}.jar" ]] || missing=1; done
	if [[ $missing == 1 || "${PARX_BUILD:-}" == 1 ]]; then
		parx_java 25 || fail "cannot build the service jars without JDK 25"
		echo "building service jars (./mvnw package -DskipTests; web needs Node >= 20.19 and npm)"
		./mvnw -q -B -ntp package -DskipTests -pl admin-api,data-router,collector,storage-engine,analytics-engine,web -am \
			|| fail "the build failed (see the Maven output above)"
	fi
}

# The server on $TS_PORT when it offers TimescaleDB, else the one on 5432.
timescale_port() {
	if pg_isready -q -h "$PG_HOST" -p "$TS_PORT" 2>/dev/null; then
		if [[ "$(pg "$TS_PORT" "select count(*) from pg_available_extensions where name = 'timescaledb'" 2>/dev/null)" == 1 ]]; then
			echo "$TS_PORT"; return
		fi
		echo "note: the PostgreSQL on $PG_HOST:$TS_PORT offers no timescaledb extension; the time-series database" \
			"goes to plain PostgreSQL on 5432" >&2
	fi
	echo 5432
}

# databases [create]: chooses the config and time-series databases (exports their URLs) and says which; creates
# the ones it chose when asked. A URL given in the environment is used as it is: its database must exist.
databases() {
	local create=${1:-}
	if [[ -z "${PARX_CONFIG_DB_URL:-}" ]]; then
		OWN_CONFIG=1
		if [[ $create == create ]]; then create_db 5432 "${DB_PREFIX}_config"; fi
		export PARX_CONFIG_DB_URL="jdbc:postgresql://$PG_HOST:5432/${DB_PREFIX}_config"
		export PARX_CONFIG_DB_USER="${PARX_CONFIG_DB_USER:-postgres}"
		echo "config database: $PARX_CONFIG_DB_URL (created when missing)"
	else
		echo "config database: $PARX_CONFIG_DB_URL (from PARX_CONFIG_DB_URL, not created)"
	fi
	if [[ -z "${PARX_TS_DB_URL:-}" ]]; then
		local ts_port
		ts_port=$(timescale_port)
		if [[ $create == create ]]; then create_db "$ts_port" "${DB_PREFIX}_ts"; fi
		export PARX_TS_DB_URL="jdbc:postgresql://$PG_HOST:$ts_port/${DB_PREFIX}_ts"
		export PARX_TS_DB_USER="${PARX_TS_DB_USER:-postgres}"
		echo "time-series database: $PARX_TS_DB_URL (created when missing)"
	else
		echo "time-series database: $PARX_TS_DB_URL (from PARX_TS_DB_URL, not created)"
	fi
}

healthy() { curl -fsS -m 5 "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; }

running() { [[ -f "$RUN/pids/$1" ]] && kill -0 "$(cat "$RUN/pids/$1")" 2>/dev/null; }

LAUNCHED=()

# A start that fails stops what it launched itself (never services another start left running) and says so.
start_failed() {
	local rc=$?
	trap - EXIT
	if ((rc != 0 && ${#LAUNCHED[@]} > 0)); then
		echo "run-local: start failed; stopping what this start launched: ${LAUNCHED[*]}" >&2
		stop_names "${LAUNCHED[@]}" >&2
	fi
	exit "$rc"
}

start() {
	requirements
	build
	parx_java 21
	mkdir -p "$RUN/logs" "$RUN/pids" "$RUN/data"
	databases create
	export PARX_DATA_DIR="${PARX_DATA_DIR:-$PWD/$RUN/data}"
	trap start_failed EXIT
	# The admin-api first: it migrates the config database and serves the JWKS the others verify tokens with.
	local s name port users_before
	users_before=$( ((OWN_CONFIG)) && user_count || true)
	for s in "${SERVICES[@]}"; do
		name=${s%%:*} port=${s##*:}
		if [[ $name == web ]]; then continue; fi
		launch "$name" "$port"
		if [[ $name == admin-api ]]; then
			wait_healthy "$name" "$port"
			if ((OWN_CONFIG)); then administrator "$users_before"; fi
		fi
	done
	for s in "${SERVICES[@]}"; do
		if [[ ${s%%:*} != web && ${s%%:*} != admin-api ]]; then wait_healthy "${s%%:*}" "${s##*:}"; fi
	done
	local web_port=${SERVICES[-1]##*:}
	launch web "$web_port"
	wait_healthy web "$web_port"
	trap - EXIT
	echo
	echo "ParX is running: admin-api http://localhost:3000/swagger-ui.html, live data ws://localhost:3001/ws"
	echo "logs in $RUN/logs; status with scripts/run-local.sh status; stop with scripts/run-local.sh stop"
	echo "open http://localhost:$web_port"
}

# Users in the config database, nothing when it has no user table yet (a first start).
user_count() {
	local db=${PARX_CONFIG_DB_URL##*/}
	db=${db%%\?*}
	psql -h "$PG_HOST" -p 5432 -U postgres -d "$db" -Atqc "select count(*) from app_user" 2>/dev/null || true
}

# Says who can sign in: the administrator exists only when the first start on an empty database had a password.
administrator() { # users-before-start
	local users
	users=$(user_count)
	if [[ $users == 0 ]]; then
		echo "WARNING: no user exists in the config database and PARX_ADMIN_PASSWORD (at least 8 characters) was" \
			"not set: nobody can sign in. Stop, then start again with PARX_ADMIN_USERNAME and PARX_ADMIN_PASSWORD." >&2
	elif [[ -n "$1" && "$1" != 0 && -n "${PARX_ADMIN_PASSWORD:-}" && " ${LAUNCHED[*]} " == *" admin-api "* ]]; then
		echo "note: the config database already had users, so PARX_ADMIN_PASSWORD created nobody: the administrator" \
			"signs in with the password of the start that created it"
	fi
}

launch() { # name port
	if running "$1"; then
		echo "$1 already running"; return 0
	fi
	if port_open "$2"; then
		fail "port $2 for $1 is taken by another process (not started by this script in $RUN); stop it first"
	fi
	[[ -f "$1/target/$1.jar" ]] || fail "$1/target/$1.jar is missing (PARX_BUILD=1 scripts/run-local.sh start builds it)"
	SERVER_PORT=$2 nohup "$JAVA_HOME/bin/java" -Xmx512m -jar "$1/target/$1.jar" >"$RUN/logs/$1.log" 2>&1 &
	echo $! >"$RUN/pids/$1"
	LAUNCHED+=("$1")
}

wait_healthy() { # name port
	local timeout=${PARX_START_TIMEOUT:-300}
	for _ in $(seq 1 "$timeout"); do
		if healthy "$2"; then echo "$1 is up on :$2"; return 0; fi
		if ! running "$1"; then
			echo "run-local: $1 exited; last lines of $RUN/logs/$1.log:" >&2
			tail -30 "$RUN/logs/$1.log" >&2
			return 1
		fi
		sleep 1
	done
	echo "run-local: $1 did not become healthy within $timeout s; see $RUN/logs/$1.log" >&2
	return 1
}

# stop_names NAME...: stops these services (graceful first: the collector flushes its buffer, the storage engine
# commits its batch).
stop_names() {
	local name pid
	for name in "$@"; do
		if [[ -f "$RUN/pids/$name" ]]; then
			pid=$(cat "$RUN/pids/$name")
			if kill "$pid" 2>/dev/null; then
				for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
				kill -9 "$pid" 2>/dev/null || true
				echo "stopped $name"
			fi
			rm -f "$RUN/pids/$name"
		fi
	done
}

stop() {
	# The web gateway first: the browsers' door closes before the services behind it.
	local names=(web) s
	for s in "${SERVICES[@]}"; do [[ ${s%%:*} == web ]] || names+=("${s%%:*}"); done
	stop_names "${names[@]}"
}

status() {
	local rc=0 s
	for s in "${SERVICES[@]}"; do
		if healthy "${s##*:}"; then echo "${s%%:*}: UP"; else echo "${s%%:*}: DOWN"; rc=1; fi
	done
	return $rc
}

case "${1:-start}" in
	start) start ;;
	stop) stop ;;
	status) status ;;
	databases) databases ;;
	*) echo "usage: $0 start|stop|status|databases" >&2; exit 2 ;;
esac

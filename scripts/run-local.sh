#!/usr/bin/env bash
# Runs the five ParX services and the web console (the gateway "web", the browser's one address) natively against
# the machine's PostgreSQL and Redis (no Docker).
#
#   PARX_ADMIN_PASSWORD='choose-one' scripts/run-local.sh start   build if needed, create databases, start, wait for health
#   scripts/run-local.sh stop                                      stop all six
#   scripts/run-local.sh status                                    health of each
#
# The time-series database goes to TimescaleDB on 127.0.0.1:5433 when it answers (scripts/timescaledb.sh start),
# otherwise to plain PostgreSQL on 5432. Logs and pids live in .run/; state (signing key, buffer) in .run/data.
# Every CONTRACTS.md variable set in the environment (PARX_*, SERVER_PORT excepted) is passed through unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
RUN=.run
# web comes last: it starts once the five services behind it are ready (its own readiness needs the admin-api).
SERVICES=(admin-api:3000 data-router:3001 collector:3002 storage-engine:3003 analytics-engine:3004
	"web:${PARX_WEB_PORT:-8080}")
PG_HOST="${PARX_PG_HOST:-127.0.0.1}"

pg() { psql -h "$PG_HOST" -p "$1" -U postgres -Atqc "$2"; }

create_db() { # port name
	if [[ -z "$(pg "$1" "select 1 from pg_database where datname = '$2'")" ]]; then
		pg "$1" "create database $2" && echo "created database $2 on port $1"
	fi
}

build() {
	local missing=0
	for s in "${SERVICES[@]}"; do [[ -f "${s%%:*}/target/${s%%:*}.jar" ]] || missing=1; done
	if [[ $missing == 1 || "${PARX_BUILD:-}" == 1 ]]; then
		echo "building service jars (./mvnw package -DskipTests; web needs Node >= 20.19 and npm)"
		./mvnw -q -B -ntp package -DskipTests -pl admin-api,data-router,collector,storage-engine,analytics-engine,web -am
	fi
}

healthy() { curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1; }

start() {
	build
	mkdir -p "$RUN/logs" "$RUN/pids" "$RUN/data"
	local ts_port=5432
	if pg_isready -q -h 127.0.0.1 -p 5433 2>/dev/null; then ts_port=5433; fi
	create_db 5432 parx_config
	create_db "$ts_port" parx_ts
	export PARX_CONFIG_DB_URL="${PARX_CONFIG_DB_URL:-jdbc:postgresql://$PG_HOST:5432/parx_config}"
	export PARX_CONFIG_DB_USER="${PARX_CONFIG_DB_USER:-postgres}"
	export PARX_TS_DB_URL="${PARX_TS_DB_URL:-jdbc:postgresql://$PG_HOST:$ts_port/parx_ts}"
	export PARX_TS_DB_USER="${PARX_TS_DB_USER:-postgres}"
	export PARX_DATA_DIR="${PARX_DATA_DIR:-$PWD/$RUN/data}"
	if [[ -z "${PARX_ADMIN_PASSWORD:-}" ]]; then
		echo "note: PARX_ADMIN_PASSWORD is not set; on an empty config database no administrator is created"
	fi
	# The admin-api first: it migrates the config database and serves the JWKS the others verify tokens with.
	for s in "${SERVICES[@]}"; do
		local name=${s%%:*} port=${s##*:}
		if [[ $name == web ]]; then continue; fi
		launch "$name" "$port"
		if [[ $name == admin-api ]]; then wait_healthy "$name" "$port"; fi
	done
	for s in "${SERVICES[@]}"; do
		if [[ ${s%%:*} != web ]]; then wait_healthy "${s%%:*}" "${s##*:}"; fi
	done
	local web_port=${SERVICES[-1]##*:}
	launch web "$web_port"
	wait_healthy web "$web_port"
	echo
	echo "ParX is running: admin-api http://localhost:3000/swagger-ui.html, live data ws://localhost:3001/ws"
	echo "logs in $RUN/logs; stop with scripts/run-local.sh stop"
	echo "open http://localhost:$web_port"
}

launch() { # name port
	if [[ -f "$RUN/pids/$1" ]] && kill -0 "$(cat "$RUN/pids/$1")" 2>/dev/null; then
		echo "$1 already running"; return 0
	fi
	SERVER_PORT=$2 nohup "$JAVA_HOME/bin/java" -Xmx512m -jar "$1/target/$1.jar" >"$RUN/logs/$1.log" 2>&1 &
	echo $! >"$RUN/pids/$1"
}

wait_healthy() { # name port
	for _ in $(seq 1 "${PARX_START_TIMEOUT:-300}"); do
		if healthy "$2"; then echo "$1 is up on :$2"; return 0; fi
		if ! kill -0 "$(cat "$RUN/pids/$1")" 2>/dev/null; then
			echo "$1 exited; last log lines:" >&2; tail -30 "$RUN/logs/$1.log" >&2; return 1
		fi
		sleep 1
	done
	echo "$1 did not become healthy within ${PARX_START_TIMEOUT:-300} s; see $RUN/logs/$1.log" >&2
	return 1
}

stop() {
	# The web gateway first: the browsers' door closes before the services behind it.
	local names=(web) s name
	for s in "${SERVICES[@]}"; do [[ ${s%%:*} == web ]] || names+=("${s%%:*}"); done
	for name in "${names[@]}"; do
		if [[ -f "$RUN/pids/$name" ]]; then
			local pid; pid=$(cat "$RUN/pids/$name")
			if kill "$pid" 2>/dev/null; then
				# Graceful shutdown: the collector flushes its buffer, the storage engine commits its batch.
				for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
				kill -9 "$pid" 2>/dev/null || true
				echo "stopped $name"
			fi
			rm -f "$RUN/pids/$name"
		fi
	done
}

status() {
	local rc=0
	for s in "${SERVICES[@]}"; do
		if healthy "${s##*:}"; then echo "${s%%:*}: UP"; else echo "${s%%:*}: DOWN"; rc=1; fi
	done
	return $rc
}

case "${1:-start}" in
	start) start ;;
	stop) stop ;;
	status) status ;;
	*) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

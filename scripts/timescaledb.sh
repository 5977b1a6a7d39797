#!/usr/bin/env bash
# Runs a TimescaleDB (PostgreSQL 17, Apache-licensed edition) for tests and native runs on a Debian 12 machine,
# where TimescaleDB is not packaged: Debian 13 (trixie) is bootstrapped into a cached folder once and its
# PostgreSQL is started from there, listening on 127.0.0.1:${PARX_TSDB_PORT:-5433} with trust authentication.
#
#   scripts/timescaledb.sh start    build the folder if needed (about a minute), init the cluster, start it
#   scripts/timescaledb.sh stop     stop the server
#   scripts/timescaledb.sh status   exit 0 when the server answers
#   scripts/timescaledb.sh drop     stop the server and delete its cluster (only a PARX_TSDB_DATA one)
#
# PARX_TSDB_ROOT chooses the folder (default /var/cache/parx/timescaledb-trixie); it survives clean clones.
# PARX_TSDB_DATA runs another cluster from the same folder (a path inside it, e.g. /var/lib/parx/system-test-5999,
# with its own PARX_TSDB_PORT): the system test restarts a server of its own this way, never the shared one.
set -euo pipefail

ROOT="${PARX_TSDB_ROOT:-/var/cache/parx/timescaledb-trixie}"
PORT="${PARX_TSDB_PORT:-5433}"
PGBIN=/usr/lib/postgresql/17/bin
PGDATA="${PARX_TSDB_DATA:-/var/lib/parx/pgdata}"
PGLOG="$PGDATA.log"

log() { echo "[timescaledb] $*" >&2; }

mirror() {
	# Use the Debian mirror this machine is already configured with.
	if [[ -n "${PARX_DEBIAN_MIRROR:-}" ]]; then echo "$PARX_DEBIAN_MIRROR"; return; fi
	local uri
	uri=$(grep -hoE '^(URIs:|deb) *[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
		| head -1 | awk '{print $2}')
	[[ -n "$uri" ]] || { log "cannot find a Debian mirror in /etc/apt; set PARX_DEBIAN_MIRROR"; exit 1; }
	echo "${uri%/}"
}

mounted() { mountpoint -q "$ROOT/$1"; }

mount_fs() {
	mounted proc || mount -t proc proc "$ROOT/proc"
	mounted dev || mount --bind /dev "$ROOT/dev"
}

in_root() { chroot "$ROOT" "$@"; }

build() {
	if [[ -f "$ROOT/.parx-ready" ]]; then return; fi
	# Two starts at once (CI beside the system test's own server, or two shells) would each delete the other's
	# half-built folder: the first builds, the others wait for it. A lock of its own, so that a caller holding
	# another lock around the whole script (flock /tmp/parx-timescaledb.lock ...) cannot deadlock with it.
	mkdir -p "$(dirname "$ROOT")"
	exec 9>"$ROOT.build-lock"
	if ! flock -n 9; then
		log "another start is building $ROOT; waiting for it"
		flock 9
	fi
	# closed again before the server starts, which would otherwise inherit the lock
	if [[ -f "$ROOT/.parx-ready" ]]; then exec 9>&-; return; fi
	command -v debootstrap >/dev/null || {
		log "installing debootstrap"
		apt-get install -y -qq --no-install-recommends debootstrap >/dev/null 2>&1 \
			|| { apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
	}
	log "bootstrapping Debian trixie with postgresql-17-timescaledb into $ROOT (about a minute)"
	# A half-built folder may still hold mounts (ours, or debootstrap's if it was interrupted): remove them first
	# and never let rm cross into another file system (a bind-mounted /dev is the host's).
	if [[ -d "$ROOT" ]]; then
		findmnt -rn -o TARGET | grep -F "$ROOT/" | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
		rm -rf --one-file-system "$ROOT"
	fi
	mkdir -p "$ROOT"
	debootstrap --variant=minbase --include=postgresql-17,postgresql-17-timescaledb \
		trixie "$ROOT" "$(mirror)" >"$ROOT.debootstrap.log" 2>&1 \
		|| { log "debootstrap failed, see $ROOT.debootstrap.log"; tail -20 "$ROOT.debootstrap.log" >&2; exit 1; }
	touch "$ROOT/.parx-ready"
	exec 9>&-
}

init_cluster() {
	if [[ -f "$ROOT$PGDATA/PG_VERSION" ]]; then return; fi
	log "initialising cluster"
	mkdir -p "$ROOT$PGDATA"
	in_root chown -R postgres:postgres /var/lib/parx
	in_root su postgres -s /bin/sh -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
	cat >>"$ROOT$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '/tmp'
shared_preload_libraries = 'timescaledb'
timescaledb.telemetry_level = off
max_connections = 200
shared_buffers = 512MB
synchronous_commit = on
CONF
}

answers() { "$ROOT$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null || pg_isready -q -h 127.0.0.1 -p "$PORT"; }

start() {
	if answers; then log "already running on 127.0.0.1:$PORT"; return; fi
	build
	mount_fs
	init_cluster
	in_root su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA -l $PGLOG -w -t 60 start" >/dev/null \
		|| { log "start failed:"; tail -20 "$ROOT$PGLOG" >&2; exit 1; }
	log "TimescaleDB running on 127.0.0.1:$PORT ($(psql -h 127.0.0.1 -p "$PORT" -U postgres -Atc \
		"select 'timescaledb ' || default_version from pg_available_extensions where name = 'timescaledb'"))"
}

stop() {
	if [[ -f "$ROOT$PGDATA/postmaster.pid" ]]; then
		in_root su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null || true
	fi
}

drop() {
	[[ -n "${PARX_TSDB_DATA:-}" ]] || { log "drop deletes only a PARX_TSDB_DATA cluster, never the default one"; exit 2; }
	stop
	rm -rf --one-file-system "$ROOT$PGDATA" "$ROOT$PGLOG"
}

case "${1:-start}" in
	start) start ;;
	stop) stop ;;
	drop) drop ;;
	status) answers ;;
	*) echo "usage: $0 start|stop|status|drop" >&2; exit 2 ;;
esac

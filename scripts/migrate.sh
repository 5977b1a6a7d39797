#!/usr/bin/env bash
# Applies the ParX database migrations without starting a service (io.parx.db.MigrationRunner).
#
#   scripts/migrate.sh config|timeseries|all
#
# The databases come from PARX_CONFIG_DB_URL/_USER/_PASSWORD and PARX_TS_DB_URL/_USER/_PASSWORD (defaults:
# jdbc:postgresql://localhost:5432/parx_config and .../parx_ts, user parx); a missing database is created first.
# Builds the db module when its jar is missing (PARX_MIGRATE_REBUILD=1 forces a rebuild after a pull).
set -euo pipefail

cd "$(dirname "$0")/.."
[[ $# -eq 1 ]] || { echo "usage: $0 config|timeseries|all" >&2; exit 2; }

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
	export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' db/pom.xml | head -1)
jar="db/target/parx-db-$version.jar"
if [[ ! -f "$jar" || ! -d db/target/lib || "${PARX_MIGRATE_REBUILD:-0}" == 1 ]]; then
	echo "[migrate] building the db module" >&2
	./mvnw -B -q -ntp -pl db -am package -DskipTests >&2
fi

exec "$JAVA" -cp "$jar:db/target/lib/*" io.parx.db.MigrationRunner "$1"

#!/usr/bin/env bash
# Demo plant container: start the devices, then (PARX_DEMO_CONFIGURE=true) configure ParX through the admin-api once
# it answers. Configuration is idempotent: a restart reuses the channels, rules and dashboard of the same names.
set -euo pipefail
java -Xmx256m -Dlogback.configurationFile=/app/classes/io/parx/bench/demo/logback-demo.xml \
	-cp "/app/classes:/app/lib/*" io.parx.bench.demo.DemoPlant &
plant=$!
trap 'kill -TERM $plant; wait $plant' TERM INT
if [[ "${PARX_DEMO_CONFIGURE:-true}" == true ]]; then
	api="${PARX_DEMO_API:-http://admin-api:3000}"
	until curl -fsS "$api/actuator/health/readiness" >/dev/null 2>&1; do sleep 2; done
	/app/scripts/demo.sh configure || echo "demo configuration failed; retry with: docker compose restart demo-plant" >&2
fi
wait $plant

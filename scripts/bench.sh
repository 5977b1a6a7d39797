#!/usr/bin/env bash
# Runs ParX benchmarks (never part of the test command). Usage:
#   scripts/bench.sh all                 every scenario in sequence, short settings; writes docs/bench-results/<date>-<time>.md
#                                        and the "Latest suite run" section of docs/PERFORMANCE.md
#   scripts/bench.sh codec              JMH: sample batch encode/decode, binary vs JSON
#   scripts/bench.sh jmh <regex>        any JMH benchmark in the bench module
#   scripts/bench.sh main <class> [args] a load scenario's main class in the bench module
#   scripts/bench.sh dashboard-render [args]  40 widgets, 500 channels, 5,000 updates/s in headless Chromium (needs
#                                        Debian's chromium and chromium-driver; builds every service jar and the web app)
#   scripts/bench.sh trend-zoom [args]   random box zooms into a year of 10 channels in the trend viewer, then pans
#   scripts/bench.sh mqtt-intake [args]  MQTT intake (issue 22): 1,000 topics, QoS 1, stepped rates through Mosquitto,
#                                        the collector and the storage engine; e.g. --rates 5000,15000,30000 --duration 30
#                                        --own-broker true (a Mosquitto of the run's own instead of the shared 1883)
#   scripts/bench.sh sparkplug-ingest [args]  Sparkplug B (issue 20): an edge node's NDATA by alias through Mosquitto and
#                                        the collector into the Redis stream; --metrics 1000 --rate 100 (NDATA/s) --duration 30
# Every scenario ends with one machine-readable line `BENCH {json}` (for JMH, `all` builds it from JMH's JSON
# result). Needs the shared services (PostgreSQL 5432, TimescaleDB 5433, Redis 6379) for storage, fan-out, analytics.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
machine() {
	echo "$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $("$JAVA" -version 2>&1 | head -1)"
}

# The browser benchmarks: the services and the web app built, then headless Chromium against them.
if [[ "${1:-}" == dashboard-render || "${1:-}" == trend-zoom ]]; then
	scenario="$1"
	shift
	./mvnw -q -B -ntp -pl admin-api,data-router,analytics-engine,web,bench -am install -DskipTests
	./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
	echo "# machine: $(machine)"
	main=io.parx.bench.web.DashboardRenderBench
	[[ $scenario == trend-zoom ]] && main=io.parx.bench.web.TrendZoomBench
	exec "$JAVA" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" "$main" "$@"
fi

if [[ "${1:-codec}" != all ]]; then
	if [[ "${1:-codec}" == mqtt-intake || "${1:-codec}" == sparkplug-ingest ]]; then
		# the scenario starts the service jars
		./mvnw -q -B -ntp -pl collector,storage-engine,bench -am install -DskipTests -Dfrontend.skip=true
	else
		./mvnw -q -B -ntp -pl bench -am install -DskipTests
	fi
	./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
	CP="bench/target/classes:$(cat bench/target/classpath.txt)"
	echo "# machine: $(machine)"
	case "${1:-codec}" in
		codec) exec "$JAVA" -cp "$CP" org.openjdk.jmh.Main SampleCodecBenchmark ;;
		jmh) shift; exec "$JAVA" -cp "$CP" org.openjdk.jmh.Main "$@" ;;
		main) shift; cls="$1"; shift; exec "$JAVA" -cp "$CP" "$cls" "$@" ;;
		mqtt-intake) shift; exec "$JAVA" -cp "$CP" io.parx.bench.mqtt.MqttIntakeBench "$@" ;;
		sparkplug-ingest) shift; exec "$JAVA" -cp "$CP" io.parx.bench.mqtt.SparkplugIngestBench "$@" ;;
		*) echo "usage: $0 all | codec | jmh <regex> | main <class> [args] | mqtt-intake [args] | sparkplug-ingest [args]" >&2; exit 2 ;;
	esac
fi

# ---- all: every scenario once, short settings (a check of the suite and a rough trend, not reference numbers) ----
command_line="scripts/bench.sh $*"
stamp="$(date -u +%Y-%m-%d-%H%M)"
out_dir="docs/bench-results"
result="$out_dir/$stamp.md"
work="$(mktemp -d /tmp/parx-bench-all.XXXXXX)"
mkdir -p "$out_dir"
load_before="$(cat /proc/loadavg)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "# bench all: logs in $work, result in $result"

# One build: service jars, bench classes, analytics test classes; one classpath file per module.
./mvnw -q -B -ntp -pl collector,storage-engine,data-router,admin-api,web,bench,analytics-engine -am package dependency:build-classpath \
	-DskipTests -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
BENCH_CP="bench/target/classes:$(cat bench/target/bench-classpath.txt)"
ANALYTICS_CP="analytics-engine/target/test-classes:analytics-engine/target/classes:$(cat analytics-engine/target/bench-classpath.txt)"
JMH_OPTS=(-f 1 -wi 2 -w 1 -i 3 -r 1)

declare -a names=() statuses=() seconds=()
run() { # run <name> <command...>: log to $work/<name>.log, keep going on failure
	local name="$1"; shift
	echo "## $name (log: $work/$name.log)"
	local t0=$SECONDS status=ok
	"$@" >"$work/$name.log" 2>&1 || status="failed (exit $?)"
	names+=("$name"); statuses+=("$status"); seconds+=("$((SECONDS - t0))")
	grep '^BENCH ' "$work/$name.log" || echo "   no BENCH line ($status); see $work/$name.log"
}
jmh() { # jmh <scenario> <regex>: JMH with the short settings, then one BENCH line from its JSON result
	local scenario="$1" regex="$2"
	"$JAVA" -cp "$BENCH_CP" org.openjdk.jmh.Main "$regex" "${JMH_OPTS[@]}" -rf json -rff "$work/$scenario.json" || return $?
	jq -c --arg s "$scenario" '{scenario: $s, results: map({benchmark: (.benchmark | split(".") | last),
		params: (.params // {}), mode, unit: .primaryMetric.scoreUnit, score: (.primaryMetric.score * 100 | round / 100),
		error: (.primaryMetric.scoreError * 100 | round / 100)})}' "$work/$scenario.json" | sed 's/^/BENCH /'
}

run codec-jmh jmh codec-jmh SampleCodecBenchmark
run formula-jmh jmh formula-jmh FormulaBenchmark
run modbus-polling "$JAVA" -cp "$BENCH_CP" io.parx.bench.collector.ModbusThroughputBench 4 2500 100 10
run opcua-subscription "$JAVA" -cp "$BENCH_CP" io.parx.bench.collector.OpcUaSubscriptionBench 10000 1000 500 20
run storage-ingest "$JAVA" -cp "$BENCH_CP" io.parx.bench.storage.StorageIngestBench 1000000 1000 DIRECT_COPY
run live-fan-out "$JAVA" -cp "$BENCH_CP" io.parx.bench.router.LiveFanOutBench --clients 1000 --per-client 50 \
	--rate 10000 --warmup 10 --duration 20
run plant-ingest "$JAVA" -cp "$BENCH_CP" io.parx.bench.plant.PlantIngestBench --devices 4 --registers 2500 --poll 100ms \
	--warmup 20 --duration 40
run device-to-browser "$JAVA" -cp "$BENCH_CP" io.parx.bench.latency.DeviceToBrowserLatencyBench --warmup 15 --duration 30
run dashboard-render "$JAVA" -cp "$BENCH_CP" io.parx.bench.web.DashboardRenderBench --warmup 10 --duration 20
run trend-zoom "$JAVA" -cp "$BENCH_CP" io.parx.bench.web.TrendZoomBench --zooms 30 --pans 10
run analytics-latency "$JAVA" -cp "$ANALYTICS_CP" io.parx.analytics.bench.QueryLatencyScenario 30 30 15
run mqtt-intake "$JAVA" -cp "$BENCH_CP" io.parx.bench.mqtt.MqttIntakeBench --topics 1000 --rates 5000,15000,30000 \
	--duration 20 --own-broker true
run sparkplug-ingest "$JAVA" -cp "$BENCH_CP" io.parx.bench.mqtt.SparkplugIngestBench --metrics 1000 --rate 100 --duration 15
run redis-limit scripts/redis-limit.sh

load_after="$(cat /proc/loadavg)"
{
	echo "# Benchmark suite run $started"
	echo
	echo "**${BENCH_LABEL:-Check of the benchmark suite, not reference numbers}**: short settings (JMH \`${JMH_OPTS[*]}\`,"
	echo "shortened scenarios), on a machine that may be shared with other work; see the load average. Curated"
	echo "results and their context: [PERFORMANCE.md](../PERFORMANCE.md)."
	echo
	echo "- command: \`$command_line\` (finished $(date -u +%Y-%m-%dT%H:%M:%SZ))"
	echo "- machine: $(machine); $(lscpu 2>/dev/null | awk -F: '/Model name/{gsub(/^ +/,"",$2); print $2}')"
	echo "- load average (1/5/15 min, runnable/total, last pid) before: \`$load_before\`, after: \`$load_after\`"
	echo "- git: \`$(git rev-parse --short HEAD)\`$(git diff --quiet HEAD -- bench analytics-engine storage-engine data-router common db collector 2>/dev/null || echo ' with uncommitted changes in the benchmarked modules')"
	echo
	echo "| scenario | status | wall time |"
	echo "|---|---|---|"
	for i in "${!names[@]}"; do echo "| ${names[$i]} | ${statuses[$i]} | ${seconds[$i]} s |"; done
	for name in "${names[@]}"; do
		echo
		echo "## $name"
		echo
		line="$(grep '^BENCH ' "$work/$name.log" | tail -1 || true)"
		if [[ -z "$line" ]]; then
			echo "No BENCH line. Last lines of the log:"
			echo
			echo '```'
			tail -15 "$work/$name.log"
			echo '```'
			continue
		fi
		json="${line#BENCH }"
		case "$name" in
			*-jmh)
				echo "| benchmark | params | score | error | unit |"
				echo "|---|---|---|---|---|"
				jq -r '.results[] | "| \(.benchmark) | \(.params | to_entries | map("\(.key)=\(.value)") | join(", ")) | \(.score) | ± \(.error) | \(.unit) |"' <<<"$json" ;;
			redis-limit)
				echo "| command (one batch = 100 samples, $(jq .payloadBytes <<<"$json") bytes) | clients | requests/s | samples/s | p50 ms | p99 ms |"
				echo "|---|---|---|---|---|---|"
				jq -r '.results[] | "| \(.command) | \(.clients) | \(.requestsPerSec) | \(.samplesPerSec) | \(.p50Ms) | \(.p99Ms) |"' <<<"$json" ;;
			mqtt-intake)
				echo "$(jq -r '"\(.topics) topics, QoS \(.qos), \(.connections) publisher connections, \(.durationSeconds) s per rate; highest rate without loss: \(.highestZeroLossRate) msgs/s"' <<<"$json")"
				echo
				echo "| offered msgs/s | sent | stored | lost | extra | broker dropped | publish p99 / max ms | receipt to ack p99 ms | most unacknowledged | CPU broker / collector / storage % | load before -> after |"
				echo "|---|---|---|---|---|---|---|---|---|---|---|"
				jq -r '.steps[] | "| \(.offeredRate) | \(.sent) | \(.stored) | \(.lost) (\(.lostPercent) %) | \(.extra) | \(.brokerDropped) | \(.publishP99Ms) / \(.publishMaxMs) | \(.ackP99Ms) | \(.maxUnacknowledged) | \(.brokerCpuPercent) / \(.collectorCpuPercent) / \(.storageCpuPercent) | \(.loadStart | split(" ")[0]) -> \(.loadEnd | split(" ")[0]) |"' <<<"$json" ;;
			analytics-latency)
				echo "| query | runs | p50 ms | p95 ms | p99 ms | max ms |"
				echo "|---|---|---|---|---|---|"
				jq -r '.queries[] | "| \(.query) | \(.runs) | \(.p50Ms) | \(.p95Ms) | \(.p99Ms) | \(.maxMs) |"' <<<"$json" ;;
			*)
				echo "| figure | value |"
				echo "|---|---|"
				jq -r 'to_entries[] | select(.key != "scenario") | "| \(.key) | \(.value) |"' <<<"$json" ;;
		esac
		echo
		echo "Human-readable output:"
		echo
		echo '```'
		grep -v '^BENCH ' "$work/$name.log" | grep -v '^\s*$' | grep -Ev '^# (Warmup|Measurement|Timeout|Threads|Benchmark mode|VM|JMH|Blackhole|Run progress|Parameters|Fork)|^Iteration|^Warmup Iteration|^\[|WARNING| (INFO|DEBUG|WARN) ' | tail -12
		echo '```'
	done
	echo
	echo "## Raw BENCH lines"
	echo
	echo '```'
	for name in "${names[@]}"; do grep '^BENCH ' "$work/$name.log" | tail -1 || true; done
	echo '```'
} >"$result"
echo "# wrote $result"

# docs/PERFORMANCE.md shows the latest run between two markers (headings moved two levels down); the rest of that
# file is curated by hand.
perf=docs/PERFORMANCE.md
begin='<!-- bench-all:latest:begin -->' end='<!-- bench-all:latest:end -->'
if grep -qF "$begin" "$perf" && grep -qF "$end" "$perf"; then
	awk -v begin="$begin" -v end="$end" -v result="$result" '
		$0 == begin { print; print ""; print "From [" substr(result, 6) "](" substr(result, 6) "):"; print "";
			while ((getline line < result) > 0) { if (line ~ /^#/) line = "##" line; gsub(/\]\(\.\.\//, "](", line); print line }; print ""; skip = 1; next }
		$0 == end { skip = 0 }
		!skip { print }' "$perf" >"$perf.tmp" && mv "$perf.tmp" "$perf"
	echo "# updated the latest run in $perf"
fi

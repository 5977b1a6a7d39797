#!/usr/bin/env bash
# The limit beside the pipeline's figures (issue 8): redis-benchmark for the Redis commands ParX issues per sample
# batch, on the same machine and in the same run. One batch = 100 samples, about 950 bytes encoded (SampleBatchCodec
# averages 9.5 bytes a sample). Prints a table and one `BENCH {json}` line.
#   collector publish  EVAL of XADD + PUBLISH + HSET (the collector's atomic publish, one script call per batch)
#   XADD / PUBLISH     the stream append and the live fan-out message alone
#   XRANGE 200         reading 200 entries (20,000 samples), what the storage engine's XREADGROUP fetches at once
# Each with 1 client (one collector, one round trip at a time) and 8 clients (the server's ceiling on this machine).
# Keys live under parx-bench:<pid>: and are deleted at the end. REDIS_HOST / REDIS_PORT choose the server.
set -euo pipefail
host="${REDIS_HOST:-127.0.0.1}" port="${REDIS_PORT:-6379}" requests="${REDIS_LIMIT_REQUESTS:-50000}"
prefix="parx-bench:$$:"
payload="$(head -c 712 /dev/urandom | base64 -w0)"
trap 'redis-cli -h "$host" -p "$port" del "${prefix}s" "${prefix}h" "${prefix}r" >/dev/null' EXIT
publish_script="redis.call('XADD',KEYS[1],'MAXLEN','~','10000','*','b',ARGV[1]) redis.call('PUBLISH',KEYS[2],ARGV[1]) redis.call('HSET',KEYS[3],'1',ARGV[1]) return 1"
# 200 entries to read back
for _ in $(seq 200); do echo "XADD ${prefix}r * b $payload"; done | redis-cli -h "$host" -p "$port" >/dev/null

bench() { # bench <label> <clients> <command...>: one JSON object
	local label="$1" clients="$2"; shift 2
	redis-benchmark -h "$host" -p "$port" -n "$requests" -c "$clients" --csv "$@" | tail -1 \
		| jq -R --arg name "$label" --argjson clients "$clients" --argjson perBatch 100 \
			'[splits("\",\"") | gsub("\"";"")] | {command: $name, clients: $clients, requestsPerSec: (.[1] | tonumber),
			p50Ms: (.[4] | tonumber), p99Ms: (.[6] | tonumber)}
			| .samplesPerSec = (if .command == "XRANGE 200" then .requestsPerSec * 200 * $perBatch else .requestsPerSec * $perBatch end | round)'
}

results=()
for clients in 1 8; do
	results+=("$(bench "collector publish" "$clients" EVAL "$publish_script" 3 "${prefix}s" "${prefix}l" "${prefix}h" "$payload")")
	results+=("$(bench "XADD" "$clients" XADD "${prefix}s" MAXLEN '~' 10000 '*' b "$payload")")
	results+=("$(bench "PUBLISH" "$clients" PUBLISH "${prefix}l" "$payload")")
	results+=("$(bench "XRANGE 200" "$clients" XRANGE "${prefix}r" - + COUNT 200)")
done
json="$(printf '%s\n' "${results[@]}" | jq -cs --argjson bytes "$(( ${#payload} ))" \
	'{scenario: "redis-limit", payloadBytes: $bytes, samplesPerBatch: 100, results: .}')"
echo "# redis-benchmark on $host:$port, $requests requests each, payload ${#payload} bytes (one batch of 100 samples)"
jq -r '.results[] | "\(.command) x\(.clients): \(.requestsPerSec) req/s = \(.samplesPerSec) samples/s, p50 \(.p50Ms) ms, p99 \(.p99Ms) ms"' <<<"$json"
echo "BENCH $json"

#!/usr/bin/env bash
# Runs ParX benchmarks (never part of the test command). Usage:
#   scripts/bench.sh codec              JMH: sample batch encode/decode, binary vs JSON
#   scripts/bench.sh jmh <regex>        any JMH benchmark in the bench module
#   scripts/bench.sh main <class> [args] a load scenario's main class in the bench module
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -B -ntp -pl bench -am install -DskipTests
./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
case "${1:-codec}" in
	codec) exec "$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main SampleCodecBenchmark ;;
	jmh) shift; exec "$JAVA_HOME/bin/java" -cp "$CP" org.openjdk.jmh.Main "$@" ;;
	main) shift; cls="$1"; shift; exec "$JAVA_HOME/bin/java" -cp "$CP" "$cls" "$@" ;;
	*) echo "usage: $0 codec | jmh <regex> | main <class> [args]" >&2; exit 2 ;;
esac

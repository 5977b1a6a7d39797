# Sourced by the scripts that build or run ParX: finds the JDK and exports JAVA_HOME and PATH.
#
#   parx_java MAJOR   use JAVA_HOME when set, else the first JDK found in /usr/lib/jvm (Temurin 25 first), else the
#                     java on PATH; fail with what to set when it is older than MAJOR
#
# The build needs JDK 25 (it compiles for Java 21); the service jars run on Java 21 or later.
parx_java() {
	local need=$1 home="" dir java major
	if [[ -n "${JAVA_HOME:-}" ]]; then
		home=$JAVA_HOME
	else
		for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/java-25-* \
			/usr/lib/jvm/*-25-*; do
			if [[ -x "$dir/bin/java" && -x "$dir/bin/javac" ]]; then home=$dir; break; fi
		done
		if [[ -z "$home" ]] && java=$(command -v java); then
			home=$(dirname "$(dirname "$(readlink -f "$java")")")
		fi
	fi
	if [[ -n "${JAVA_HOME:-}" && ! -x "$home/bin/java" ]]; then
		echo "JAVA_HOME=$JAVA_HOME has no bin/java: set JAVA_HOME to a JDK 25, or unset it to search /usr/lib/jvm" >&2
		return 1
	fi
	if [[ -z "$home" || ! -x "$home/bin/java" ]]; then
		echo "no Java found: install JDK 25 (e.g. Temurin 25) and set JAVA_HOME to it" >&2
		return 1
	fi
	major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
		| awk -F'= ' '/java.specification.version/ {print $2; exit}')
	if [[ ! "$major" =~ ^[0-9]+$ ]] || ((major < need)); then
		echo "$home/bin/java is Java ${major:-unknown}, ParX needs $need or later here: set JAVA_HOME to a JDK 25" \
			"(JAVA_HOME=${JAVA_HOME:-unset})" >&2
		return 1
	fi
	export JAVA_HOME=$home
	export PATH="$JAVA_HOME/bin:$PATH"
}

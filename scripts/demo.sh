#!/usr/bin/env bash
# The one-command ParX demo: the five services and the web console (natively, scripts/run-local.sh), a demo plant
# (Modbus TCP slave, OPC UA server, MQTT publications on the local broker) and a configuration made through the
# admin-api's REST API.
#
#   scripts/demo.sh start     build if needed, start everything, configure the demo plant, print URLs and login
#   scripts/demo.sh stop      stop the demo plant, the five services and the web console
#   scripts/demo.sh status    health of the services and the plant
#
# Needs PostgreSQL on 5432, Redis on 6379 and Mosquitto on 1883 (TimescaleDB on 5433 is used when it answers), curl
# and jq. PARX_ADMIN_USERNAME / PARX_ADMIN_PASSWORD default to admin / parx-demo-admin, which become the administrator
# only on an empty config database: after scripts/run-local.sh created one, pass its username and password. The
# login is printed once it has worked. Re-running start is safe: existing channels, rules, batch definitions and
# dashboards (same names) are reused, not duplicated. A start that fails stops the demo plant and, when it started
# them, the services, and says why.
# Plant settings: PARX_DEMO_MODBUS_PORT [5020], PARX_DEMO_OPCUA_PORT [4840], PARX_DEMO_MQTT_URL [tcp://127.0.0.1:1883],
# PARX_DEMO_MQTT_PREFIX [parx-demo/], PARX_DEMO_COIL_PERIOD [120] (seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/java-home.sh
source scripts/java-home.sh
RUN="${PARX_RUN_DIR:-.run}"
API="${PARX_DEMO_API:-http://localhost:3000}"
DEMO_PASSWORD=parx-demo-admin
PASSWORD_GIVEN=${PARX_ADMIN_PASSWORD:+1}
export PARX_ADMIN_USERNAME="${PARX_ADMIN_USERNAME:-admin}"
export PARX_ADMIN_PASSWORD="${PARX_ADMIN_PASSWORD:-$DEMO_PASSWORD}"
export PARX_DEMO_MODBUS_PORT="${PARX_DEMO_MODBUS_PORT:-5020}"
export PARX_DEMO_OPCUA_PORT="${PARX_DEMO_OPCUA_PORT:-4840}"
export PARX_DEMO_MQTT_URL="${PARX_DEMO_MQTT_URL:-tcp://127.0.0.1:1883}"
export PARX_DEMO_MQTT_PREFIX="${PARX_DEMO_MQTT_PREFIX:-parx-demo/}"
export PARX_DEMO_COIL_PERIOD="${PARX_DEMO_COIL_PERIOD:-120}"
PLANT_HOST="${PARX_DEMO_PLANT_HOST:-127.0.0.1}"

fail() { echo "demo: $*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

requirements() {
	local tool
	for tool in curl jq; do command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install $tool)"; done
	local mqtt=${PARX_DEMO_MQTT_URL#*://}
	if [[ ${mqtt%%:*} == 127.0.0.1 || ${mqtt%%:*} == localhost ]] && ! port_open "${mqtt##*:}"; then
		fail "no MQTT broker answers at $PARX_DEMO_MQTT_URL (start mosquitto, or set PARX_DEMO_MQTT_URL)"
	fi
}

plant_running() { [[ -f "$RUN/pids/demo-plant" ]] && kill -0 "$(cat "$RUN/pids/demo-plant")" 2>/dev/null; }

start_plant() {
	if plant_running; then echo "demo plant already running"; return; fi
	local port
	for port in "$PARX_DEMO_MODBUS_PORT" "$PARX_DEMO_OPCUA_PORT"; do
		port_open "$port" && fail "port $port of the demo plant is taken by another process (PARX_DEMO_MODBUS_PORT," \
			"PARX_DEMO_OPCUA_PORT choose others)"
	done
	if [[ ! -f bench/target/classes/io/parx/bench/demo/DemoPlant.class || ! -f bench/target/demo-classpath.txt ]]; then
		parx_java 25 || fail "cannot build the demo plant without JDK 25"
		echo "building the demo plant (bench module)"
		./mvnw -q -B -ntp -pl bench -am install -DskipTests || fail "building the bench module failed"
		./mvnw -q -B -ntp -pl bench dependency:build-classpath -Dmdep.outputFile=target/demo-classpath.txt \
			-Dmdep.includeScope=runtime || fail "the bench module's classpath could not be written"
	fi
	parx_java 21
	mkdir -p "$RUN/logs" "$RUN/pids"
	nohup "$JAVA_HOME/bin/java" -Xmx256m \
		-Dlogback.configurationFile=bench/target/classes/io/parx/bench/demo/logback-demo.xml \
		-cp "bench/target/classes:$(cat bench/target/demo-classpath.txt)" io.parx.bench.demo.DemoPlant \
		>"$RUN/logs/demo-plant.log" 2>&1 &
	echo $! >"$RUN/pids/demo-plant"
	PLANT_STARTED=1
	for _ in $(seq 1 90); do
		if grep -qs "demo plant running" "$RUN/logs/demo-plant.log"; then echo "demo plant is up"; return 0; fi
		if ! plant_running; then echo "demo plant exited:" >&2; tail -20 "$RUN/logs/demo-plant.log" >&2; return 1; fi
		sleep 1
	done
	echo "demo plant did not start within 90 s; see $RUN/logs/demo-plant.log" >&2
	return 1
}

stop_plant() {
	if plant_running; then
		local pid; pid=$(cat "$RUN/pids/demo-plant")
		kill "$pid"
		for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
		kill -9 "$pid" 2>/dev/null || true
		echo "stopped demo plant"
	fi
	rm -f "$RUN/pids/demo-plant"
}

TOKEN=
login() {
	local out code
	out=$(mktemp)
	code=$(curl -sS -m 30 -o "$out" -w '%{http_code}' -X POST "$API/api/v1/auth/login" \
		-H 'Content-Type: application/json' \
		-d "$(jq -nc --arg u "$PARX_ADMIN_USERNAME" --arg p "$PARX_ADMIN_PASSWORD" '{username:$u,password:$p}')" \
		2>&1) || { rm -f "$out"; fail "the admin-api at $API does not answer ($code)"; }
	if [[ $code == 200 ]]; then
		TOKEN=$(jq -r '.accessToken // empty' "$out")
		rm -f "$out"
		[[ -n "$TOKEN" ]] || fail "the admin-api's login answer has no accessToken"
		return 0
	fi
	echo "demo: signing in as '$PARX_ADMIN_USERNAME' failed with HTTP $code: $(head -c 300 "$out")" >&2
	rm -f "$out"
	if [[ $code == 401 ]]; then
		if [[ -z "$PASSWORD_GIVEN" ]]; then
			echo "demo: the demo password ($DEMO_PASSWORD) only becomes the administrator's on an empty config" \
				"database; this one already has an administrator (created by an earlier scripts/run-local.sh or" \
				"scripts/demo.sh start with its PARX_ADMIN_PASSWORD). Start the demo with that login:" >&2
			echo "  PARX_ADMIN_USERNAME=<user> PARX_ADMIN_PASSWORD='<its password>' scripts/demo.sh start" >&2
		else
			echo "demo: PARX_ADMIN_USERNAME / PARX_ADMIN_PASSWORD do not match the administrator that exists (it was" \
				"created by the first start on an empty config database, with the password given then)" >&2
		fi
	fi
	return 1
}

find_by_name() { # path name -> id of the entity with exactly that name, or nothing
	curl -fsS -G "$API$1" -H "Authorization: Bearer $TOKEN" --data-urlencode "name=$2" --data-urlencode size=200 \
		| jq -r --arg n "$2" '.content[] | select(.name == $n) | .id' | head -1
}

# create <path> <json>: reuses an entity of the same name (dashboard names are not unique, so look first), else
# POSTs; a 409 (name taken meanwhile) is fine. Prints the id.
create() {
	local path=$1 body=$2 out code name existing
	name=$(jq -r .name <<<"$body")
	existing=$(find_by_name "$path" "$name")
	if [[ -n "$existing" ]]; then echo "$existing"; return; fi
	out=$(mktemp)
	code=$(curl -sS -o "$out" -w '%{http_code}' -X POST "$API$path" -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' -d "$body")
	case "$code" in
		201|200) jq -r .id "$out" ;;
		409) find_by_name "$path" "$name" ;;
		*) echo "POST $path ($name) failed with $code: $(cat "$out")" >&2; rm -f "$out"; return 1 ;;
	esac
	rm -f "$out"
}

channel() { # name unit dataType protocol settings-json [tags-json]
	create /api/v1/io/channels "$(jq -nc --arg n "$1" --arg u "$2" --arg t "$3" --arg p "$4" --argjson s "$5" \
		--argjson tags "${6:-[\"demo\"]}" \
		'{name:$n,unit:$u,dataType:$t,protocol:$p,settings:$s,tags:$tags,pollIntervalMs:1000,
		  description:"ParX demo plant"}')"
}

configure() {
	login
	local mb="{\"host\":\"$PLANT_HOST\",\"port\":$PARX_DEMO_MODBUS_PORT,\"unitId\":1"
	local ua="opc.tcp://$PLANT_HOST:$PARX_DEMO_OPCUA_PORT/parx-demo"
	local mq="$PARX_DEMO_MQTT_URL" pre="$PARX_DEMO_MQTT_PREFIX"
	local furnace speed coilnr alarm ua_furnace ua_speed ua_coil ua_alarm mq_furnace mq_speed mq_coil mq_alarm sim setpoint burner
	furnace=$(channel "Furnace.Temperature" "°C" FLOAT32 MODBUS_TCP "$mb,\"registerType\":\"HOLDING_REGISTER\",\"address\":0}" '["demo","furnace","modbus"]')
	speed=$(channel "Line.Speed" "m/s" FLOAT32 MODBUS_TCP "$mb,\"registerType\":\"HOLDING_REGISTER\",\"address\":2}" '["demo","line","modbus"]')
	coilnr=$(channel "Line.CoilNumber" "" INT32 MODBUS_TCP "$mb,\"registerType\":\"HOLDING_REGISTER\",\"address\":4}" '["demo","line","modbus"]')
	alarm=$(channel "Furnace.Alarm" "" BOOL MODBUS_TCP "$mb,\"registerType\":\"COIL\",\"address\":0}" '["demo","furnace","modbus"]')
	ua_furnace=$(channel "OPCUA.Furnace.Temperature" "°C" FLOAT64 OPCUA "{\"endpointUrl\":\"$ua\",\"nodeId\":\"ns=2;s=Plant.FurnaceTemperature\"}" '["demo","opcua"]')
	ua_speed=$(channel "OPCUA.Line.Speed" "m/s" FLOAT64 OPCUA "{\"endpointUrl\":\"$ua\",\"nodeId\":\"ns=2;s=Plant.LineSpeed\"}" '["demo","opcua"]')
	ua_coil=$(channel "OPCUA.Line.CoilId" "" STRING OPCUA "{\"endpointUrl\":\"$ua\",\"nodeId\":\"ns=2;s=Plant.CoilId\"}" '["demo","opcua"]')
	ua_alarm=$(channel "OPCUA.Furnace.Alarm" "" BOOL OPCUA "{\"endpointUrl\":\"$ua\",\"nodeId\":\"ns=2;s=Plant.Alarm\"}" '["demo","opcua"]')
	mq_furnace=$(channel "MQTT.Furnace.Temperature" "°C" FLOAT64 MQTT "{\"brokerUrl\":\"$mq\",\"topic\":\"${pre}furnace/temperature\",\"payloadFormat\":\"NUMBER\"}" '["demo","mqtt"]')
	mq_speed=$(channel "MQTT.Line.Speed" "m/s" FLOAT64 MQTT "{\"brokerUrl\":\"$mq\",\"topic\":\"${pre}line/state\",\"payloadFormat\":\"JSON\",\"valuePointer\":\"/speed\",\"timestampPointer\":\"/time\"}" '["demo","mqtt"]')
	mq_coil=$(channel "MQTT.Line.CoilId" "" STRING MQTT "{\"brokerUrl\":\"$mq\",\"topic\":\"${pre}coil/id\",\"payloadFormat\":\"STRING\"}" '["demo","mqtt"]')
	mq_alarm=$(channel "MQTT.Furnace.Alarm" "" BOOL MQTT "{\"brokerUrl\":\"$mq\",\"topic\":\"${pre}furnace/alarm\",\"payloadFormat\":\"BOOLEAN\"}" '["demo","mqtt"]')
	# Written by the dashboard's SETPOINT widgets (every role may; the plant keeps what is written, issue 19).
	setpoint=$(channel "Furnace.Setpoint" "°C" FLOAT32 MODBUS_TCP "$mb,\"registerType\":\"HOLDING_REGISTER\",\"address\":8,\"writable\":true,\"operatorWritable\":true,\"writeMin\":800,\"writeMax\":900}" '["demo","furnace","modbus"]')
	burner=$(channel "Furnace.Burner" "" BOOL MODBUS_TCP "$mb,\"registerType\":\"COIL\",\"address\":1,\"writable\":true,\"operatorWritable\":true}" '["demo","furnace","modbus"]')
	sim=$(channel "Sim.Ambient" "°C" FLOAT64 SIMULATOR '{"waveform":"SINE","amplitude":5,"periodMs":600000,"offset":22}' '["demo","simulator"]')
	echo "channels: Modbus $furnace,$speed,$coilnr,$alarm,$setpoint,$burner OPC UA $ua_furnace,$ua_speed,$ua_coil,$ua_alarm MQTT $mq_furnace,$mq_speed,$mq_coil,$mq_alarm simulator $sim"
	local r1 r2 r3 b d
	r1=$(create /api/v1/storage/rules "$(jq -nc --argjson ids "[$furnace,$speed,$ua_furnace,$ua_speed,$mq_furnace,$mq_speed,$sim]" \
		'{name:"demo-process-1s",description:"every sample of the process values",mode:"CONTINUOUS",settings:{intervalMs:0},retentionDays:30,channelIds:$ids}')")
	r2=$(create /api/v1/storage/rules "$(jq -nc --argjson ids "[$coilnr,$alarm,$ua_coil,$ua_alarm,$mq_coil,$mq_alarm]" \
		'{name:"demo-on-change",description:"coil ids and alarms when they change",mode:"CHANGE",settings:{deadband:0,maxIntervalMs:600000},channelIds:$ids}')")
	r3=$(create /api/v1/storage/rules "$(jq -nc --argjson ids "[$furnace]" --arg f "#$alarm == true" \
		'{name:"demo-furnace-alarm-csv",description:"furnace temperature while the alarm is on, as CSV",mode:"TRIGGER",settings:{formula:$f,store:"WHILE_TRUE"},backend:"FILE",backendSettings:{directory:"demo"},channelIds:$ids}')")
	echo "storage rules: $r1 $r2 $r3"
	b=$(create /api/v1/storage/batch-definitions "$(jq -nc --argjson c "$coilnr" \
		'{name:"demo-coils",description:"one batch per coil (Modbus coil number)",mode:"VALUE_CHANGE",triggerChannelId:$c,enabled:true}')")
	echo "batch definition: $b"
	# Every widget kind of the web console, on the channels of all three protocols.
	d=$(create /api/v1/dashboards "$(jq -nc --argjson f "$furnace" --argjson s "$speed" --argjson c "$ua_coil" --argjson a "$alarm" \
		--argjson m "$mq_furnace" --argjson x "$sim" --argjson uf "$ua_furnace" --argjson us "$ua_speed" --argjson ms "$mq_speed" \
		--argjson ua "$ua_alarm" --argjson ma "$mq_alarm" --argjson n "$coilnr" --argjson mc "$mq_coil" \
		--argjson sp "$setpoint" --argjson bu "$burner" \
		'{name:"Demo plant",description:"furnace and line of the ParX demo plant",shared:true,layout:{widgets:[
		  {id:"temp",kind:"TREND",title:"Furnace temperature",x:0,y:0,w:16,h:6,channelIds:[$f,$m],options:{window:"PT15M"}},
		  {id:"gauge",kind:"GAUGE",title:"Furnace",x:16,y:0,w:8,h:6,channelIds:[$f],
		   options:{min:800,max:900,decimals:1,thresholds:[{value:800,color:"#2f855a"},{value:860,color:"#d69e2e"},{value:870,color:"#c53030"}]}},
		  {id:"speed",kind:"TREND",title:"Line speed",x:0,y:6,w:12,h:6,channelIds:[$s],options:{window:"PT15M",step:true}},
		  {id:"coil",kind:"VALUE",title:"Coil (OPC UA)",x:12,y:6,w:6,h:3,channelIds:[$c],options:{staleAfter:300}},
		  {id:"alarm",kind:"STATUS",title:"Over temperature",x:18,y:6,w:6,h:3,channelIds:[$a,$ua,$ma],
		   options:{onLabel:"ALARM",offLabel:"ok",thresholds:[{value:1,color:"#c53030"}]}},
		  {id:"progress",kind:"PROGRESS",title:"Line speed of 3 m/s",x:12,y:9,w:6,h:3,channelIds:[$s],options:{min:0,max:3}},
		  {id:"ambient",kind:"VALUE",title:"Ambient (simulator)",x:18,y:9,w:6,h:3,channelIds:[$x],options:{decimals:1}},
		  {id:"table",kind:"TABLE",title:"Every protocol",x:0,y:12,w:12,h:6,channelIds:[$f,$uf,$m,$s,$us,$ms,$n,$c,$mc],options:{decimals:2,staleAfter:300}},
		  {id:"bars",kind:"BAR",title:"Furnace by protocol",x:12,y:12,w:12,h:3,channelIds:[$f,$uf,$m],options:{min:800,max:900,decimals:1}},
		  {id:"log",kind:"ALARM_LOG",title:"Quality changes",x:12,y:15,w:8,h:3,channelIds:[$f,$s,$n,$a,$uf,$us,$c,$ua,$m,$ms,$mc,$ma,$x],options:{}},
		  {id:"notes",kind:"TEXT",title:"About",x:20,y:15,w:4,h:3,channelIds:[],
		   options:{text:"The ParX demo plant: a Modbus TCP slave, an OPC UA server and MQTT publications, read by ParX."}},
		  {id:"setpoint",kind:"SETPOINT",title:"Furnace setpoint",x:12,y:18,w:6,h:5,channelIds:[$sp],options:{decimals:1}},
		  {id:"burner",kind:"SETPOINT",title:"Burner",x:18,y:18,w:6,h:5,channelIds:[$bu],options:{}}]}}')")
	echo "dashboard: $d"
}

PLANT_STARTED=
STACK_WAS_UP=

# A start that fails leaves nothing behind it started: the plant, and the services unless they ran before.
start_failed() {
	local rc=$?
	trap - EXIT
	if ((rc != 0)); then
		echo "demo: start failed; cleaning up" >&2
		if [[ -n "$PLANT_STARTED" ]]; then stop_plant >&2; fi
		if [[ -z "$STACK_WAS_UP" ]]; then scripts/run-local.sh stop >&2 || true; fi
	fi
	exit "$rc"
}

start() {
	requirements
	# Any service already up is someone else's: a failure stops only what this start brought up.
	# (the status is read whole first: grep -q would end the pipe early, a failure under pipefail)
	local services
	services=$(scripts/run-local.sh status 2>/dev/null || true)
	if grep -q ': UP' <<<"$services"; then STACK_WAS_UP=1; fi
	trap start_failed EXIT
	start_plant
	scripts/run-local.sh start
	configure
	trap - EXIT
	cat <<EOT

ParX demo is running.
  web console      http://localhost:${PARX_WEB_PORT:-8080}
  login            $PARX_ADMIN_USERNAME / $PARX_ADMIN_PASSWORD   (POST $API/api/v1/auth/login)
  admin-api        http://localhost:3000/swagger-ui.html
  live data        ws://localhost:3001/ws   (reference client http://localhost:3001/parx-live.js)
  collector        http://localhost:3002/swagger-ui.html
  storage-engine   http://localhost:3003/swagger-ui.html
  analytics        http://localhost:3004/swagger-ui.html
  demo plant       Modbus TCP $PLANT_HOST:$PARX_DEMO_MODBUS_PORT, OPC UA opc.tcp://$PLANT_HOST:$PARX_DEMO_OPCUA_PORT/parx-demo,
                   MQTT $PARX_DEMO_MQTT_URL topics ${PARX_DEMO_MQTT_PREFIX}#
  logs             $RUN/logs
Stop with: scripts/demo.sh stop
EOT
}

case "${1:-start}" in
	start) start ;;
	stop) stop_plant; scripts/run-local.sh stop ;;
	status) scripts/run-local.sh status || true; if plant_running; then echo "demo-plant: UP"; else echo "demo-plant: DOWN"; fi ;;
	configure) requirements; configure ;;
	*) echo "usage: $0 start|stop|status|configure" >&2; exit 2 ;;
esac

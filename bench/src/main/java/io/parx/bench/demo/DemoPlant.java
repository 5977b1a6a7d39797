package io.parx.bench.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo plant: a Modbus TCP slave, an OPC UA server and MQTT publications, all serving
 * one {@link PlantSimulation} (furnace temperature, line speed, coil id, alarm bit),
 * updated every {@code PARX_DEMO_UPDATE_INTERVAL} (1 s). Configuration by environment:
 * <ul>
 * <li>{@code PARX_DEMO_MODBUS_PORT} [5020]</li>
 * <li>{@code PARX_DEMO_OPCUA_PORT} [4840], {@code PARX_DEMO_OPCUA_HOST} [localhost] (the
 * host name in the endpoint URL)</li>
 * <li>{@code PARX_DEMO_MQTT_URL} [tcp://127.0.0.1:1883], {@code PARX_DEMO_MQTT_PREFIX}
 * [parx-demo/]</li>
 * <li>{@code PARX_DEMO_COIL_PERIOD} [PT2M or seconds, e.g. 120]</li>
 * <li>{@code PARX_DEMO_UPDATE_INTERVAL} [PT1S or milliseconds]</li>
 * </ul>
 * Run with {@code scripts/bench.sh main io.parx.bench.demo.DemoPlant} or via
 * {@code scripts/demo.sh start}. Stops cleanly on SIGTERM.
 */
public final class DemoPlant implements AutoCloseable {

	/** The furnace temperature during {@link #overheat(Duration)}, in °C. */
	public static final double OVERHEAT_TEMPERATURE = PlantSimulation.ALARM_THRESHOLD + 15;

	private final PlantSimulation simulation;

	private final ModbusDevice modbus;

	private final OpcUaDevice opcua;

	private final MqttDevice mqtt;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "demo-plant");
		thread.setDaemon(true);
		return thread;
	});

	private volatile PlantSimulation.State state;

	/** Until when (epoch milliseconds) the furnace runs over temperature. */
	private volatile long overheatedUntil;

	/**
	 * Starts every device and the update loop.
	 * @param settings what to start where
	 * @throws Exception if a device cannot start
	 */
	public DemoPlant(Settings settings) throws Exception {
		this.simulation = new PlantSimulation(settings.coilPeriod());
		ModbusDevice modbusDevice = null;
		OpcUaDevice opcuaDevice = null;
		MqttDevice mqttDevice = null;
		try {
			modbusDevice = new ModbusDevice(settings.modbusPort());
			opcuaDevice = new OpcUaDevice(settings.opcuaHost(), settings.opcuaPort());
			mqttDevice = (settings.mqttUrl() != null) ? new MqttDevice(settings.mqttUrl(), settings.mqttPrefix())
					: null;
		}
		catch (Exception | Error ex) {
			closeQuietly(modbusDevice, opcuaDevice, mqttDevice);
			throw ex;
		}
		this.modbus = modbusDevice;
		this.opcua = opcuaDevice;
		this.mqtt = mqttDevice;
		tick();
		long interval = settings.updateInterval().toMillis();
		this.ticker.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.MILLISECONDS);
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.from(System.getenv());
		DemoPlant plant = new DemoPlant(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			plant.close();
			stopped.countDown();
		}, "demo-plant-stop"));
		System.out.println("ParX demo plant running (coil period " + settings.coilPeriod() + "):");
		System.out.println("  Modbus TCP  127.0.0.1:" + settings.modbusPort()
				+ " unit 1 (holding 0-1 furnace FLOAT32, 2-3 speed FLOAT32, 4-5 coil INT32, coil 0 alarm; written:"
				+ " 8-9 furnace setpoint FLOAT32, coil 1 burner)");
		System.out.println("  OPC UA      " + plant.opcua.endpointUrl() + " (None/anonymous), nodes "
				+ plant.opcua.nodeId("Plant.*"));
		if (plant.mqtt != null) {
			System.out.println("  MQTT        " + settings.mqttUrl() + " topics " + settings.mqttPrefix()
					+ "{furnace/temperature,line/speed,coil/id,furnace/alarm,line/state}");
		}
		stopped.await();
	}

	/**
	 * An over-temperature for a while: the furnace at {@link #OVERHEAT_TEMPERATURE} on
	 * every device (and the alarm bit set), starting with an update now; afterwards it
	 * follows the simulation again. For demonstrating alarms (the simulation's own swing
	 * reaches at most 878 °C).
	 */
	public void overheat(Duration duration) {
		this.overheatedUntil = System.currentTimeMillis() + duration.toMillis();
		this.ticker.execute(this::tick);
	}

	/** The last published state. */
	public PlantSimulation.State state() {
		return this.state;
	}

	public OpcUaDevice opcua() {
		return this.opcua;
	}

	public ModbusDevice modbus() {
		return this.modbus;
	}

	private void tick() {
		try {
			Instant now = Instant.now();
			PlantSimulation.State next = this.simulation.at(now);
			if (now.toEpochMilli() < this.overheatedUntil) {
				next = next.withFurnaceTemperature(OVERHEAT_TEMPERATURE);
			}
			this.modbus.update(next);
			this.opcua.update(next);
			if (this.mqtt != null) {
				this.mqtt.update(next);
			}
			this.state = next;
		}
		catch (RuntimeException ex) {
			// keep ticking: a broker hiccup must not stop the other devices
			System.err.println("demo plant update failed: " + ex);
		}
	}

	@Override
	public void close() {
		this.ticker.shutdownNow();
		closeQuietly(this.mqtt, this.opcua, this.modbus);
	}

	private static void closeQuietly(AutoCloseable... closeables) {
		for (AutoCloseable closeable : closeables) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					System.err.println("demo plant: closing " + closeable.getClass().getSimpleName() + ": " + ex);
				}
			}
		}
	}

	/**
	 * What the demo plant serves where.
	 *
	 * @param modbusPort Modbus TCP port
	 * @param opcuaHost host name in the OPC UA endpoint URL
	 * @param opcuaPort OPC UA port
	 * @param mqttUrl broker, or null for no MQTT
	 * @param mqttPrefix topic prefix
	 * @param coilPeriod how long a coil takes
	 * @param updateInterval how often values change
	 */
	public record Settings(int modbusPort, String opcuaHost, int opcuaPort, String mqttUrl, String mqttPrefix,
			Duration coilPeriod, Duration updateInterval) {

		public static Settings from(Map<String, String> env) {
			return new Settings(Integer.parseInt(env.getOrDefault("PARX_DEMO_MODBUS_PORT", "5020")),
					env.getOrDefault("PARX_DEMO_OPCUA_HOST", "localhost"),
					Integer.parseInt(env.getOrDefault("PARX_DEMO_OPCUA_PORT", "4840")),
					env.getOrDefault("PARX_DEMO_MQTT_URL", "tcp://127.0.0.1:1883"),
					env.getOrDefault("PARX_DEMO_MQTT_PREFIX", "parx-demo/"),
					duration(env.get("PARX_DEMO_COIL_PERIOD"), Duration.ofMinutes(2), TimeUnit.SECONDS),
					duration(env.get("PARX_DEMO_UPDATE_INTERVAL"), Duration.ofSeconds(1), TimeUnit.MILLISECONDS));
		}

		private static Duration duration(String text, Duration fallback, TimeUnit plainUnit) {
			if (text == null || text.isBlank()) {
				return fallback;
			}
			if (text.chars().allMatch(Character::isDigit)) {
				return Duration.of(Long.parseLong(text), plainUnit.toChronoUnit());
			}
			return Duration.parse(text);
		}

	}

}

package io.parx.collector.engine;

/**
 * State of one connection.
 *
 * @param key identifies the connection, e.g. {@code modbus://10.0.0.5:502/1} or the
 * endpoint URL
 * @param state {@code CONNECTED}, {@code CONNECTING}, {@code DISCONNECTED}
 * @param lastError last failure message, or {@code null}
 * @param reconnectAttempts reconnect attempts since the last successful connect
 * @param pollOverruns poll cycles of this device that started a whole period late since
 * it was added (0 for subscription-based connections)
 */
public record ConnectionStatus(String key, String state, String lastError, long reconnectAttempts, long pollOverruns) {

	/** A connection that is not polled (OPC UA subscriptions, MQTT). */
	public ConnectionStatus(String key, String state, String lastError, long reconnectAttempts) {
		this(key, state, lastError, reconnectAttempts, 0);
	}

	public static final String CONNECTED = "CONNECTED";

	public static final String CONNECTING = "CONNECTING";

	public static final String DISCONNECTED = "DISCONNECTED";

}

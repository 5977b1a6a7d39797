package io.parx.collector.modbus;

/**
 * One Modbus device: one TCP connection is kept per key.
 *
 * @param host host name or address
 * @param port TCP port
 * @param unitId unit identifier (Modbus Messaging on TCP/IP §4.4.1.1), 0-255
 */
record DeviceKey(String host, int port, int unitId) {

	DeviceKey {
		if (host == null || host.isBlank()) {
			throw new IllegalArgumentException("host is required");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port must be 1-65535, was " + port);
		}
		if (unitId < 0 || unitId > 255) {
			throw new IllegalArgumentException("unitId must be 0-255, was " + unitId);
		}
	}

	@Override
	public String toString() {
		return "modbus://" + this.host + ":" + this.port + "/" + this.unitId;
	}

}

import type { components } from "../../api/generated/admin-api";

export type Channel = components["schemas"]["Channel"];

/**
 * The write settings every writable protocol's settings carry (common's WriteAccess): Modbus, OPC UA and MQTT alike;
 * the simulator has none.
 */
export type WriteSettings = Pick<
  components["schemas"]["ModbusTcpSettings"],
  "writable" | "operatorWritable" | "writeMin" | "writeMax"
>;

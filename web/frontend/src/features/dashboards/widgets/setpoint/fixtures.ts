import type { Channel, WriteSettings } from "../../../channels";
import type { Me } from "../../../../lib/auth/useMe";

/** A Modbus FLOAT32 holding register in °C, writable by engineers within 0 to 1000 unless the test says otherwise. */
export function setpointChannel(
  write: WriteSettings = { writable: true, writeMin: 0, writeMax: 1000 },
  changes: Partial<Channel> = {},
): Channel {
  return {
    id: 42,
    name: "Furnace setpoint",
    description: "",
    unit: "°C",
    dataType: "FLOAT32",
    scale: 1,
    offset: 0,
    pollIntervalMs: 1000,
    enabled: true,
    collector: null,
    tags: [],
    protocol: "MODBUS_TCP",
    settings: { host: "plc1", port: 502, unitId: 1, registerType: "HOLDING_REGISTER", address: 8, ...write },
    version: 1,
    createdAt: "2026-12-01T00:00:00Z",
    updatedAt: "2026-12-01T00:00:00Z",
    ...changes,
  } as Channel;
}

export function user(role: Me["role"]): Me {
  return { id: 1, username: role.toLowerCase(), role, enabled: true, tokenExpiresAt: "2030-01-01T00:00:00Z" } as Me;
}

import { describe, expect, it } from "vitest";
import { PROTOCOLS, SETTING_FIELDS, applicableFields, schemaFieldNames } from "./protocols";

describe("protocol settings fields", () => {
  it("cover every setting of the admin-api's schema, so a new one shows up in the form", () => {
    for (const protocol of PROTOCOLS) {
      expect(SETTING_FIELDS[protocol].map((field) => field.name).sort(), protocol).toEqual(
        schemaFieldNames(protocol).sort(),
      );
    }
  });

  it("take defaults, limits and choices from the schema, and leave service defaults to the service", () => {
    const modbus = Object.fromEntries(SETTING_FIELDS.MODBUS_TCP.map((field) => [field.name, field]));
    expect(modbus.port).toMatchObject({ kind: "integer", defaultValue: 502, min: 1, max: 65535, required: false });
    expect(modbus.host).toMatchObject({ kind: "text", required: true, maxLength: 253 });
    expect(modbus.registerType.choices).toContain("HOLDING_REGISTER");
    // the collector's parx.collector.modbus.timeout applies: no default of the form's own
    expect(modbus.timeoutMs.defaultValue).toBeUndefined();
    const opcua = Object.fromEntries(SETTING_FIELDS.OPCUA.map((field) => [field.name, field]));
    expect(opcua.password.kind).toBe("password");
    expect(SETTING_FIELDS.SIMULATOR.find((field) => field.name === "waveform")).toMatchObject({
      kind: "choice",
      defaultValue: "SINE",
      required: false,
    });
  });

  it("ask a Sparkplug B channel for its edge node and metric instead of a topic", () => {
    const names = (settings: Record<string, unknown>) =>
      applicableFields("MQTT", settings, "FLOAT64").map((field) => [field.name, field.required]);
    const sparkplug = names({ payloadFormat: "SPARKPLUG_B", writable: "true" });
    expect(sparkplug).toEqual(
      expect.arrayContaining([
        ["groupId", true],
        ["edgeNodeId", true],
        ["deviceId", false],
        ["metricName", true],
      ]),
    );
    expect(sparkplug.map(([name]) => name)).not.toContain("topic");
    expect(sparkplug.map(([name]) => name)).not.toContain("writeTopic");
    const json = names({ payloadFormat: "JSON" });
    expect(json).toContainEqual(["topic", true]);
    expect(json.map(([name]) => name)).not.toContain("metricName");
  });
});

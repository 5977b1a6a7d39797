import { describe, expect, it } from "vitest";
import type { Channel } from "../types";
import { type ChannelDraft, draftOf, emptyDraft, requestOf, validateDraft } from "./draft";

function modbus(settings: Record<string, string>, dataType: ChannelDraft["dataType"] = "FLOAT32"): ChannelDraft {
  return { ...emptyDraft("MODBUS_TCP"), name: "Line1.Temp", dataType, settings };
}

describe("the channel form's checks", () => {
  it("accept a complete Modbus channel and leave defaults to the server", () => {
    const draft = modbus({ host: "10.0.0.5", registerType: "HOLDING_REGISTER", address: "100" });
    expect(validateDraft(draft)).toEqual({});
    expect(requestOf(draft).settings).toEqual({ host: "10.0.0.5", registerType: "HOLDING_REGISTER", address: 100 });
    expect(requestOf(draft)).not.toHaveProperty("pollIntervalMs");
  });

  it("name an out-of-range address with the server's field name and message", () => {
    const errors = validateDraft(modbus({ host: "plc1", registerType: "HOLDING_REGISTER", address: "70000" }));
    expect(errors).toEqual({ "settings.address": "must be between 0 and 65535" });
  });

  it("reject a value that runs past the last register, as the server does", () => {
    const errors = validateDraft(modbus({ host: "plc1", registerType: "INPUT_REGISTER", address: "65534" }, "FLOAT64"));
    expect(errors["settings.address"]).toBe("the value spans 4 registers and runs past address 65535 (0-based)");
  });

  it("require BOOL for coils and a string length for STRING", () => {
    expect(
      validateDraft(modbus({ host: "plc1", registerType: "COIL", address: "1" }))["settings.registerType"],
    ).toMatch(/data type must be BOOL/);
    expect(
      validateDraft(modbus({ host: "plc1", registerType: "HOLDING_REGISTER", address: "1" }, "STRING"))[
        "settings.stringLength"
      ],
    ).toBe("is required");
  });

  it("check the common fields: name characters, scale 0, poll interval bounds, data type", () => {
    const draft = { ...modbus({ host: "plc1", registerType: "HOLDING_REGISTER", address: "1" }), name: " bad,name" };
    const errors = validateDraft({ ...draft, scale: "0", pollIntervalMs: "5", dataType: "" });
    expect(Object.keys(errors).sort()).toEqual(["dataType", "name", "pollIntervalMs", "scale"]);
    expect(errors.pollIntervalMs).toBe("must be between 10 and 86400000");
  });

  it("apply the OPC UA security rule and ask for a user name only with USERNAME authentication", () => {
    const opc = {
      ...emptyDraft("OPCUA"),
      name: "x",
      dataType: "FLOAT64" as const,
      settings: { endpointUrl: "opc.tcp://plc:4840", nodeId: "ns=2;s=A", securityPolicy: "Basic256Sha256" },
    };
    expect(validateDraft(opc)).toEqual({ "settings.securityMode": "must be None exactly when securityPolicy is None" });
    const user = { ...opc, settings: { ...opc.settings, securityMode: "Sign", authentication: "USERNAME" } };
    expect(validateDraft(user)).toEqual({ "settings.username": "is required" });
    expect(requestOf({ ...opc, settings: { ...opc.settings, username: "ignored" } }).settings).not.toHaveProperty(
      "username",
    );
  });

  it("check MQTT topic wildcards and URLs", () => {
    const mqtt = { ...emptyDraft("MQTT"), name: "m", dataType: "FLOAT64" as const };
    const errors = validateDraft({ ...mqtt, settings: { brokerUrl: "http://broker", topic: "plant/line#" } });
    expect(errors["settings.brokerUrl"]).toMatch(/tcp:\/\/host:port/);
    expect(errors["settings.topic"]).toMatch(/'#' must be a whole level/);
  });

  it("turn a stored channel into the form without its password and back with the version", () => {
    const channel = {
      id: 4,
      name: "Opc",
      description: "",
      unit: "K",
      dataType: "FLOAT64",
      scale: 1,
      offset: 0,
      pollIntervalMs: 1000,
      enabled: true,
      collector: null,
      tags: ["a", "b"],
      protocol: "OPCUA",
      settings: {
        endpointUrl: "opc.tcp://plc:4840",
        nodeId: "i=85",
        securityPolicy: "None",
        securityMode: "None",
        authentication: "USERNAME",
        username: "u",
        passwordSet: true,
        samplingIntervalMs: 1000,
        deadband: 0,
      },
      version: 3,
      createdAt: "",
      updatedAt: "",
    } as Channel;
    const draft = draftOf(channel);
    expect(draft.tags).toBe("a, b");
    expect(draft.settings).not.toHaveProperty("passwordSet");
    const request = requestOf(draft, channel.version);
    expect(request.version).toBe(3);
    expect(request.tags).toEqual(["a", "b"]);
    expect(request.settings).not.toHaveProperty("password");
    expect(validateDraft(draft)).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { emptyDraft } from "../../channels/model/draft";
import { applyItem, channelName, modbusItem, mqttItem, opcUaItem, selectionOf, sparkplugItem } from "./items";

const TEMPERATURE = {
  nodeId: "ns=2;s=Line1.Temp",
  browseName: "2:Temp",
  displayName: "Temp",
  nodeClass: "Variable",
  dataType: "Double",
  channelDataType: "FLOAT64" as const,
  hasChildren: false,
  path: "Line1/Temp",
};

describe("discovered items", () => {
  it("give the form an OPC UA node's id, channel type and a name from its path", () => {
    const item = opcUaItem(TEMPERATURE);
    if (!item) throw new Error("a Double variable is readable");
    const draft = applyItem({ ...emptyDraft("OPCUA"), settings: { endpointUrl: "opc.tcp://plc:4840" } }, item);
    expect(draft).toMatchObject({
      name: "Line1/Temp",
      dataType: "FLOAT64",
      settings: { endpointUrl: "opc.tcp://plc:4840", nodeId: "ns=2;s=Line1.Temp" },
    });
  });

  it("keep a name the engineer already typed", () => {
    const item = opcUaItem(TEMPERATURE);
    if (!item) throw new Error("a Double variable is readable");
    expect(applyItem({ ...emptyDraft("OPCUA"), name: "Furnace" }, item).name).toBe("Furnace");
    expect(opcUaItem({ ...TEMPERATURE, dataType: "i=22", channelDataType: undefined })).toBeNull();
  });

  it("read a JSON topic's leaf with its pointer and a plain topic without one", () => {
    const topic = { topic: "plant/l1", payloadFormat: "JSON" as const };
    expect(mqttItem(topic, "/temp", "NUMBER")).toMatchObject({
      name: "plant/l1/temp",
      dataType: "FLOAT64",
      settings: { topic: "plant/l1", payloadFormat: "JSON", valuePointer: "/temp" },
      item: { topic: "plant/l1", payloadFormat: "JSON", valuePointer: "/temp", channelDataType: "FLOAT64" },
    });
    const running = mqttItem({ topic: "plant/l1/running", payloadFormat: "BOOLEAN" as const });
    expect(running?.item).toEqual({ topic: "plant/l1/running", payloadFormat: "BOOLEAN", channelDataType: "BOOL" });
    expect(running?.settings.valuePointer).toBe("");
  });

  it("leave out what no channel can read: binary payloads and Sparkplug topics", () => {
    expect(mqttItem({ topic: "cam/frame", payloadFormat: null })).toBeNull();
    expect(mqttItem({ topic: "spBv1.0/g/NDATA/n", payloadFormat: "SPARKPLUG_B" })).toBeNull();
  });

  it("name a Sparkplug metric by edge node, device and metric", () => {
    const item = sparkplugItem("Plant", "Edge1", "Press", { name: "Line/Pressure", dataType: "FLOAT32" });
    expect(item).toMatchObject({
      name: "Edge1/Press/Line/Pressure",
      settings: { payloadFormat: "SPARKPLUG_B", groupId: "Plant", edgeNodeId: "Edge1", deviceId: "Press" },
      item: { groupId: "Plant", edgeNodeId: "Edge1", deviceId: "Press", metricName: "Line/Pressure" },
    });
    expect(sparkplugItem("Plant", "Edge1", undefined, { name: "Template", dataType: null })).toBeNull();
  });

  it("read a register as the chosen type and byte order", () => {
    const item = modbusItem("plc1", "HOLDING_REGISTER", { address: 4, reference: "400005" }, "FLOAT32", "CDAB");
    expect(item).toMatchObject({
      name: "plc1 400005 FLOAT32",
      settings: { registerType: "HOLDING_REGISTER", address: "4", byteOrder: "CDAB" },
      item: { registerType: "HOLDING_REGISTER", address: 4, channelDataType: "FLOAT32", byteOrder: "CDAB" },
    });
  });

  it("become a selection that shares the form's other settings and fields but not the per-item ones", () => {
    const draft = {
      ...emptyDraft("MODBUS_TCP"),
      unit: "bar",
      pollIntervalMs: "500",
      tags: "line1, press",
      settings: { host: "plc1", port: "1502", registerType: "COIL", address: "9", timeoutMs: "800" },
    } as const;
    const item = modbusItem("plc1", "HOLDING_REGISTER", { address: 0, reference: "400001" }, "INT16", "ABCD");
    expect(selectionOf({ ...draft, protocol: "MODBUS_TCP" }, [item])).toEqual({
      protocol: "MODBUS_TCP",
      settings: { host: "plc1", port: 1502, timeoutMs: 800 },
      channel: { enabled: true, unit: "bar", pollIntervalMs: 500, tags: ["line1", "press"] },
      items: [{ registerType: "HOLDING_REGISTER", address: 0, channelDataType: "INT16", byteOrder: "ABCD" }],
    });
  });

  it("make names the server accepts", () => {
    expect(channelName("  Boiler #1 (°C)  ")).toBe("Boiler _1 __C_");
    expect(channelName("§§§".replace(/§/g, ""))).toBe("node");
  });
});

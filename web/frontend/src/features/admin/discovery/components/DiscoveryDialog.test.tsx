import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithApi, type Routes } from "../../../../test/renderWithApi";
import { type ChannelDraft, emptyDraft } from "../../channels/model/draft";
import { ChannelEditor } from "../../channels/components/ChannelEditor";

function node(name: string, extra: Record<string, unknown> = {}) {
  return {
    nodeId: `ns=2;s=${name}`,
    browseName: name,
    displayName: name,
    nodeClass: "Variable",
    dataType: "Double",
    channelDataType: "FLOAT64",
    value: 21.5,
    hasChildren: false,
    ...extra,
  };
}

const OBJECTS = {
  nodeId: "i=85",
  nodes: [node("Line1", { nodeClass: "Object", dataType: undefined, channelDataType: undefined, hasChildren: true })],
  nextCursor: null,
};
const LINE1 = { nodeId: "ns=2;s=Line1", nodes: [node("Temp"), node("Speed")], nextCursor: null };

function renderNewChannel(initial: ChannelDraft, api: Routes) {
  const element = (
    <ChannelEditor mode="new" channel={undefined} initial={initial} writer copiedFrom={undefined} onReload={vi.fn()} />
  );
  return renderWithApi(
    "/admin/channels/new",
    [
      { path: "/admin/channels/new", element },
      { path: "/admin/channels/:id", element: <p>channel page</p> },
    ],
    api,
  );
}

const opcUa = { ...emptyDraft("OPCUA"), settings: { endpointUrl: "opc.tcp://plc:4840" } };

function browse(): Routes {
  return {
    "POST /api/v1/io/discovery/opcua/browse": async (request) => {
      const body = await request.json();
      return Response.json(body.nodeId === "ns=2;s=Line1" ? LINE1 : OBJECTS);
    },
  };
}

describe("browsing from the channel form", () => {
  it("asks for the server's address before browsing", async () => {
    renderNewChannel(emptyDraft("OPCUA"), {});
    await userEvent.click(screen.getByTestId("browse-server"));
    expect(await screen.findByText("Type the endpoint URL first.")).toBeTruthy();
  });

  it("opens a folder of an OPC UA server and fills the form with the variable picked", async () => {
    const { requests } = renderNewChannel(opcUa, browse());
    await userEvent.click(screen.getByTestId("browse-server"));
    await userEvent.click(await screen.findByTestId("open-Line1"));
    await userEvent.click(await screen.findByTestId("pick-ns=2;s=Temp"));
    await userEvent.click(screen.getByTestId("discovery-use"));
    expect((screen.getByLabelText("Node id *") as HTMLInputElement).value).toBe("ns=2;s=Temp");
    expect((screen.getByLabelText("Name *") as HTMLInputElement).value).toBe("Temp");
    expect((screen.getByLabelText("Data type *") as HTMLSelectElement).value).toBe("FLOAT64");
    expect(await requests[1].json()).toEqual({ endpointUrl: "opc.tcp://plc:4840", nodeId: "ns=2;s=Line1" });
  });

  it("creates a channel of each variable ticked, sharing the form's fields", async () => {
    const created = {
      created: 2,
      failed: 0,
      channels: [
        { row: 1, id: 7, name: "Temp" },
        { row: 2, id: 8, name: "Speed" },
      ],
      errors: [],
    };
    let selection: unknown;
    const { requests } = renderNewChannel(
      { ...opcUa, unit: "°C", tags: "line1" },
      {
        ...browse(),
        "POST /api/v1/io/discovery/channels": async (request) => {
          selection = await request.json();
          return Response.json(created);
        },
      },
    );
    await userEvent.click(screen.getByTestId("browse-server"));
    await userEvent.click(await screen.findByTestId("open-Line1"));
    await userEvent.click(await screen.findByTestId("pick-ns=2;s=Temp"));
    await userEvent.click(screen.getByTestId("pick-ns=2;s=Speed"));
    expect((screen.getByTestId("discovery-use") as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByTestId("discovery-create"));
    expect(within(await screen.findByTestId("discovery-created")).getByText("Speed")).toBeTruthy();
    expect(selection).toMatchObject({
      protocol: "OPCUA",
      settings: { endpointUrl: "opc.tcp://plc:4840" },
      channel: { unit: "°C", tags: ["line1"] },
      items: [{ nodeId: "ns=2;s=Temp" }, { nodeId: "ns=2;s=Speed" }],
    });
    expect(requests.filter((r) => r.url.endsWith("/channels"))).toHaveLength(1);
  });

  it("lists a JSON topic's leaves and picks one with its pointer", async () => {
    let survey: unknown;
    renderNewChannel(
      { ...emptyDraft("MQTT"), settings: { brokerUrl: "tcp://broker:1883", topic: "plant/#" } },
      {
        "POST /api/v1/io/discovery/mqtt/topics": async (request) => {
          survey = await request.json();
          return Response.json({
            topicFilter: "plant/#",
            listenedMs: 3000,
            messages: 12,
            topicCount: 1,
            truncated: false,
            unlistedMessages: 0,
            topics: [
              {
                topic: "plant/l1",
                messages: 12,
                payloadFormat: "JSON",
                payload: '{"temp":21.5,"on":true}',
                leaves: [
                  { pointer: "/temp", type: "NUMBER", value: 21.5 },
                  { pointer: "/on", type: "BOOLEAN", value: true },
                ],
              },
            ],
          });
        },
      },
    );
    await userEvent.click(screen.getByTestId("browse-server"));
    await userEvent.click(screen.getByTestId("mqtt-listen"));
    await userEvent.click(await screen.findByTestId("pick-plant/l1#/on"));
    await userEvent.click(screen.getByTestId("discovery-use"));
    expect(survey).toEqual({ brokerUrl: "tcp://broker:1883", topicFilter: "plant/#", listenSeconds: 3 });
    expect((screen.getByLabelText("Value pointer") as HTMLInputElement).value).toBe("/on");
    expect((screen.getByLabelText("Payload format") as HTMLSelectElement).value).toBe("JSON");
    expect((screen.getByLabelText("Data type *") as HTMLSelectElement).value).toBe("BOOL");
  });

  it("lists the metrics of Sparkplug B births and picks one by group, edge node, device and name", async () => {
    renderNewChannel(
      { ...emptyDraft("MQTT"), settings: { brokerUrl: "tcp://broker:1883", payloadFormat: "SPARKPLUG_B" } },
      {
        "POST /api/v1/io/discovery/sparkplug": () =>
          Response.json({
            listenedMs: 3000,
            messages: 4,
            truncated: false,
            rebirthRequests: 0,
            groups: [
              {
                groupId: "Plant",
                edgeNodes: [
                  {
                    edgeNodeId: "Edge1",
                    state: "ONLINE",
                    metrics: [],
                    devices: [
                      {
                        deviceId: "Press",
                        state: "ONLINE",
                        metrics: [{ name: "Pressure", sparkplugType: "Float", dataType: "FLOAT32", value: 4.5 }],
                      },
                    ],
                  },
                ],
              },
            ],
          }),
      },
    );
    await userEvent.click(screen.getByTestId("browse-server"));
    await userEvent.click(screen.getByTestId("sparkplug-listen"));
    await userEvent.click(await screen.findByTestId("pick-spBv1.0/Plant/Edge1/Press/Pressure"));
    await userEvent.click(screen.getByTestId("discovery-use"));
    expect((screen.getByLabelText("Sparkplug group id *") as HTMLInputElement).value).toBe("Plant");
    expect((screen.getByLabelText("Edge node id *") as HTMLInputElement).value).toBe("Edge1");
    expect((screen.getByLabelText("Device id") as HTMLInputElement).value).toBe("Press");
    expect((screen.getByLabelText("Metric name *") as HTMLInputElement).value).toBe("Pressure");
    expect((screen.getByLabelText("Name *") as HTMLInputElement).value).toBe("Edge1/Press/Pressure");
  });

  it("shows Modbus registers in the byte order chosen and picks a value with it", async () => {
    renderNewChannel(
      { ...emptyDraft("MODBUS_TCP"), settings: { host: "plc1" } },
      {
        "POST /api/v1/io/discovery/modbus/registers": () =>
          Response.json({
            device: "modbus://plc1:502/1",
            registerType: "HOLDING_REGISTER",
            address: 0,
            count: 2,
            blocks: [{ address: 0, count: 2, latencyMs: 3 }],
            registers: [
              {
                address: 0,
                reference: "400001",
                word: 16968,
                hex: "4248",
                text: "BH",
                values: {
                  INT16: { ABCD: 16968, BADC: 18498 },
                  FLOAT32: { ABCD: 50.0, CDAB: 1.1e-41, BADC: 3.6965656e20 },
                },
              },
            ],
          }),
      },
    );
    await userEvent.click(screen.getByTestId("browse-server"));
    await userEvent.click(screen.getByTestId("modbus-read"));
    const table = await screen.findByTestId("modbus-registers");
    expect(within(table).getByText("50")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Show in byte order"), "CDAB");
    expect(within(table).getByText("16968")).toBeTruthy();
    expect(within(table).getByText("1.1e-41")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Show in byte order"), "BADC");
    expect(within(table).getByText("3.696566e+20")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Show in byte order"), "CDAB");
    await userEvent.click(screen.getByTestId("pick-HOLDING_REGISTER:0:FLOAT32:CDAB"));
    await userEvent.click(screen.getByTestId("discovery-use"));
    expect((screen.getByLabelText("Byte order") as HTMLSelectElement).value).toBe("CDAB");
    expect((screen.getByLabelText("Address *") as HTMLInputElement).value).toBe("0");
    expect((screen.getByLabelText("Data type *") as HTMLSelectElement).value).toBe("FLOAT32");
  });
});

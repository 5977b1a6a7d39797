import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { me, renderWithApi } from "../../../../test/renderWithApi";
import { StatusPage } from "./StatusPage";

const COLLECTOR = {
  collector: "default",
  publishing: {
    redisReachable: false,
    spooling: true,
    streamBacklog: 0,
    queuedBatches: 2,
    bufferedBatches: 120,
    bufferBytes: 2 * 1024 * 1024,
    oldestBufferedAgeMs: 95_000,
    droppedBatches: 0,
    tornRecords: 0,
  },
  engines: {
    MODBUS_TCP: {
      connections: [
        {
          key: "modbus://10.0.0.5:502/1",
          state: "DISCONNECTED",
          lastError: "connect failed: Connection refused",
          reconnectAttempts: 4,
          pollOverruns: 3,
        },
      ],
      channels: [
        {
          channelId: 9,
          quality: 2299002880,
          qualityName: "Bad_ConfigurationError",
          readsPerSecond: 0,
          state: "MISCONFIGURED",
          reason: "address must be between 0 and 65535",
        },
      ],
      plan: [
        {
          device: "modbus://10.0.0.5:502/1",
          pollIntervalMs: 500,
          registerType: "HOLDING_REGISTER",
          start: 0,
          count: 4,
          channelIds: [7, 8],
        },
      ],
      pollOverruns: 3,
    },
  },
  failover: {
    enabled: true,
    group: "default",
    instance: "col-a",
    held: [{ connection: "modbus://10.0.0.5:502/1", token: 17, channels: [7, 8, 9], validForMs: 6000 }],
    groupConnections: 3,
    otherInstances: [{ instance: "col-b", url: "http://col-b:3002", connections: 2, channels: 40 }],
  },
};

const THUMBPRINT = "ab".repeat(20);

const CHANNELS = {
  content: [
    { id: 7, name: "Furnace.Temp", tags: [] },
    { id: 8, name: "Line.Speed", tags: [] },
    { id: 9, name: "Line.Pressure", tags: [] },
  ],
  page: { size: 500, number: 0, totalElements: 3, totalPages: 1 },
};

function api(role: "ENGINEER" | "OPERATOR") {
  return {
    "GET /api/v1/auth/me": me(role),
    "GET /api/v1/io/channels": () => Response.json(CHANNELS),
    "GET /api/v1/collector/status": () => Response.json(COLLECTOR),
    "GET /api/v1/storage/status": () =>
      Response.json({
        pointsPerSecond: { TIMESCALE: 41.5 },
        streamLag: 12,
        quarantineCount: 1,
        rules: 2,
        ingest: { instance: "storage-b", consuming: false, leaseHolder: "storage-a" },
      }),
    "GET /api/v1/collector/opcua/certificates": () =>
      Response.json({
        trusted: [],
        rejected: [
          {
            thumbprint: THUMBPRINT,
            subject: "CN=PLC 7",
            notBefore: "2026-01-01T00:00:00Z",
            notAfter: "2031-01-01T00:00:00Z",
          },
        ],
      }),
    [`POST /api/v1/collector/opcua/certificates/${THUMBPRINT}/trust`]: () =>
      Response.json({ thumbprint: THUMBPRINT, subject: "CN=PLC 7" }),
  };
}

const ROUTES = [{ path: "/admin/status", element: <StatusPage /> }];

describe("the status page", () => {
  it("shows a device down, the buffer filling, the request plan by channel name and the storage backlog", async () => {
    renderWithApi("/admin/status", ROUTES, api("OPERATOR"));
    const connection = await screen.findByTestId("connection");
    expect(within(connection).getByTestId("connection-state").textContent).toBe("DISCONNECTED");
    expect(connection.textContent).toContain("connect failed: Connection refused");
    expect(screen.getByTestId("buffer-depth").textContent).toBe("120");
    expect(screen.getByTestId("buffer-age").textContent).toBe("1 min 35 s");
    expect(screen.getByTestId("redis-state").textContent).toBe("unreachable");
    expect((await screen.findByText("Furnace.Temp, Line.Speed")).closest("tr")?.textContent).toContain("0–3");
    expect((await screen.findByTestId("stream-backlog")).textContent).toBe("12");
    expect(screen.getByTestId("write-rate").textContent).toBe("TIMESCALE 41.5");
  });

  it("says which storage engine consumes the stream and that the one answering stands by", async () => {
    renderWithApi("/admin/status", ROUTES, api("OPERATOR"));
    expect((await screen.findByTestId("ingest-holder")).textContent).toBe("storage-a");
    expect(screen.getByTestId("ingest-instance").textContent).toBe("storage-b (standing by)");
  });

  it("says which connections of the group this instance holds and which other instances would take over", async () => {
    renderWithApi("/admin/status", ROUTES, api("OPERATOR"));
    const group = await screen.findByTestId("collector-group");
    expect(group.textContent).toContain(
      "Instance col-a of group “default” holds 1 of the group's 3 device connections",
    );
    expect(within(screen.getByTestId("other-instances")).getByText("http://col-b:3002")).toBeTruthy();
  });

  it("names a misconfigured channel with the collector's reason", async () => {
    renderWithApi("/admin/status", ROUTES, api("OPERATOR"));
    const row = await screen.findByTestId("misconfigured-channel");
    await within(row).findByText("Line.Pressure");
    expect(row.textContent).toContain("MODBUS_TCP");
    expect(row.textContent).toContain("address must be between 0 and 65535");
  });

  it("lets an engineer trust a rejected OPC UA certificate", async () => {
    const { requests } = renderWithApi("/admin/status", ROUTES, api("ENGINEER"));
    const rejected = await screen.findByTestId("certificates-rejected");
    await userEvent.click(await within(rejected).findByRole("button", { name: "Trust" }));
    expect(requests.some((request) => request.method === "POST" && request.url.endsWith(`${THUMBPRINT}/trust`))).toBe(
      true,
    );
  });

  it("offers an operator no trust or remove buttons", async () => {
    renderWithApi("/admin/status", ROUTES, api("OPERATOR"));
    const rejected = await screen.findByTestId("certificates-rejected");
    await screen.findByText("CN=PLC 7");
    expect(within(rejected).queryByRole("button")).toBeNull();
  });
});

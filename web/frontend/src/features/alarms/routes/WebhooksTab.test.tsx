import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { me, renderWithApi } from "../../../test/renderWithApi";
import { WebhooksTab } from "./WebhooksTab";

const PAGER = {
  id: 3,
  name: "Night pager",
  url: "https://pager.example.com/hooks/parx",
  priorities: ["HIGH", "CRITICAL"],
  secretHeader: "Authorization",
  enabled: true,
  secretSet: true,
  version: 0,
  createdAt: "2026-12-06T01:00:00Z",
  updatedAt: "2026-12-06T01:00:00Z",
};

const DELIVERED = {
  id: 812,
  webhookId: 3,
  event: "ACTIVATED",
  definitionId: 7,
  eventTime: "2026-12-06T01:05:00Z",
  status: "DELIVERED",
  attempts: 3,
  createdAt: "2026-12-06T01:05:00Z",
  lastAttemptAt: "2026-12-06T01:05:04Z",
  lastStatusCode: 204,
  lastError: null,
  nextAttemptAt: null,
  finishedAt: "2026-12-06T01:05:04Z",
  payload: {},
};

function show(role: "ENGINEER" | "OPERATOR") {
  return renderWithApi("/alarms", [{ path: "/alarms", element: <WebhooksTab /> }], {
    "GET /api/v1/auth/me": me(role),
    "GET /api/v1/alarms/webhooks": () => Response.json({ content: [PAGER], page: { totalPages: 1 } }),
    "GET /api/v1/alarms/webhooks/3/deliveries": () =>
      Response.json({
        summary: { pending: 1, delivered: 41, failed: 0, discarded: 0, lastDelivery: DELIVERED },
        content: [DELIVERED],
        page: 0,
        size: 1,
        totalElements: 42,
      }),
    "POST /api/v1/alarms/webhooks/3/test": () =>
      Response.json({ ...DELIVERED, id: 813, event: "TEST", status: "PENDING" }, { status: 202 }),
  });
}

describe("the webhooks tab", () => {
  it("lists each webhook with its priorities and how its last delivery went", async () => {
    const { requests } = show("OPERATOR");
    const row = await screen.findByTestId("webhook-row");
    expect(row.textContent).toContain("Night pager");
    expect(row.textContent).toContain("HIGH, CRITICAL");
    await waitFor(() =>
      expect(screen.getByTestId("webhook-last-delivery").textContent).toBe("Delivered (204) 2026-12-06T01:05:04Z"),
    );
    expect(screen.getByTestId("webhook-counts").textContent).toBe("41 delivered, 1 pending, 0 failed");
    expect(new URL(requests.find((r) => r.url.includes("/deliveries"))!.url).searchParams.get("size")).toBe("1");
    // operators read, they do not send tests
    expect(screen.queryByTestId("webhook-test")).toBeNull();
  });

  it("lets an engineer send a test delivery", async () => {
    const { requests } = show("ENGINEER");
    await userEvent.click(await screen.findByTestId("webhook-test"));
    await waitFor(() =>
      expect(requests.some((r) => r.method === "POST" && r.url.endsWith("/api/v1/alarms/webhooks/3/test"))).toBe(true),
    );
  });
});

import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { me, problem, renderWithApi, type Routes } from "../../../test/renderWithApi";
import { formatFull } from "../format";
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

function show(role: "ENGINEER" | "OPERATOR", more: Routes = {}) {
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
    ...more,
  });
}

async function sent(requests: Request[], method: string, path: string) {
  await waitFor(() => expect(requests.some((r) => r.method === method && r.url.endsWith(path))).toBe(true));
  return requests.find((r) => r.method === method && r.url.endsWith(path))!;
}

describe("the webhooks tab", () => {
  it("lists each webhook with its priorities and how its last delivery went", async () => {
    const { requests } = show("OPERATOR");
    const row = await screen.findByTestId("webhook-row");
    expect(row.textContent).toContain("Night pager");
    expect(row.textContent).toContain("HIGH, CRITICAL");
    await waitFor(() =>
      expect(screen.getByTestId("webhook-last-delivery").textContent).toBe(
        `Delivered (204) ${formatFull("2026-12-06T01:05:04Z")}`,
      ),
    );
    expect(screen.getByTestId("webhook-counts").textContent).toBe("41 delivered, 1 pending, 0 failed");
    expect(new URL(requests.find((r) => r.url.includes("/deliveries"))!.url).searchParams.get("size")).toBe("1");
    // operators read; they neither send tests nor change webhooks
    expect(screen.queryByTestId("webhook-test")).toBeNull();
    expect(screen.queryByTestId("webhook-new")).toBeNull();
    expect(screen.queryByTestId("webhook-edit")).toBeNull();
  });

  it("lets an engineer send a test delivery", async () => {
    const { requests } = show("ENGINEER");
    await userEvent.click(await screen.findByTestId("webhook-test"));
    await waitFor(() =>
      expect(requests.some((r) => r.method === "POST" && r.url.endsWith("/api/v1/alarms/webhooks/3/test"))).toBe(true),
    );
  });

  it("creates a webhook from the form with the priorities ticked and the secret typed", async () => {
    const { requests } = show("ENGINEER", {
      "POST /api/v1/alarms/webhooks": () => Response.json({ ...PAGER, id: 4, name: "Chat" }, { status: 201 }),
    });
    await userEvent.click(await screen.findByTestId("webhook-new"));
    await userEvent.type(screen.getByTestId("webhook-name"), "Chat");
    await userEvent.type(screen.getByTestId("webhook-url"), "https://chat.example.com/hook");
    await userEvent.click(screen.getByTestId("webhook-priority-MEDIUM"));
    await userEvent.click(screen.getByTestId("webhook-priority-CRITICAL"));
    await userEvent.type(screen.getByTestId("webhook-secret"), "Bearer s3cret");
    await userEvent.click(screen.getByTestId("webhook-save"));

    const body = await (await sent(requests, "POST", "/api/v1/alarms/webhooks")).json();
    expect(body).toEqual({
      name: "Chat",
      url: "https://chat.example.com/hook",
      priorities: ["MEDIUM", "HIGH"],
      secretHeader: "Authorization",
      enabled: true,
      secret: "Bearer s3cret",
    });
    await waitFor(() => expect(screen.queryByTestId("webhook-save")).toBeNull());
  });

  it("replaces a webhook with the version edited and keeps its secret when the field stays empty", async () => {
    const { requests } = show("ENGINEER", {
      "PUT /api/v1/alarms/webhooks/3": () => Response.json({ ...PAGER, version: 1 }),
    });
    await userEvent.click(await screen.findByTestId("webhook-edit"));
    expect((screen.getByTestId("webhook-name") as HTMLInputElement).value).toBe("Night pager");
    await userEvent.click(screen.getByTestId("webhook-priority-LOW"));
    await userEvent.click(screen.getByTestId("webhook-save"));

    const body = await (await sent(requests, "PUT", "/api/v1/alarms/webhooks/3")).json();
    expect(body.version).toBe(0);
    expect(body.priorities).toEqual(["LOW", "HIGH", "CRITICAL"]);
    expect(body).not.toHaveProperty("secret");
  });

  it("shows the server's complaint beside the field it names", async () => {
    show("ENGINEER", {
      "POST /api/v1/alarms/webhooks": () =>
        problem(400, {
          type: "/problems/validation",
          errors: [{ field: "url", message: "must be an absolute http or https URL" }],
        }),
    });
    await userEvent.click(await screen.findByTestId("webhook-new"));
    await userEvent.type(screen.getByTestId("webhook-name"), "Bad");
    await userEvent.type(screen.getByTestId("webhook-url"), "ftp://x");
    await userEvent.click(screen.getByTestId("webhook-save"));

    const complaint = await screen.findByText("must be an absolute http or https URL");
    expect(screen.getByTestId("webhook-url").getAttribute("aria-describedby")).toBe(complaint.id);
  });

  it("deletes the version shown after the user confirms", async () => {
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
    const { requests } = show("ENGINEER", {
      "DELETE /api/v1/alarms/webhooks/3": () => new Response(null, { status: 204 }),
    });
    await userEvent.click(await screen.findByTestId("webhook-delete"));

    const request = await sent(requests, "DELETE", "/api/v1/alarms/webhooks/3");
    expect(request.headers.get("If-Match")).toBe('"0"');
    expect(confirm).toHaveBeenCalled();
    confirm.mockRestore();
  });
});

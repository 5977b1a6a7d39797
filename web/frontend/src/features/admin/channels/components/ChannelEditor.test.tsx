import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import createClient from "openapi-fetch";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it, vi } from "vitest";
import type { paths as AdminPaths } from "../../../../api/generated/admin-api";
import type { paths as AnalyticsPaths } from "../../../../api/generated/analytics-engine";
import { ClientsProvider } from "../../../../lib/api/ClientsContext";
import { emptyDraft } from "../model/draft";
import type { Channel } from "../types";
import { ChannelEditor } from "./ChannelEditor";

const STORED = {
  id: 9,
  name: "Line1.Speed",
  description: "",
  unit: "rpm",
  dataType: "FLOAT32",
  scale: 1,
  offset: 0,
  pollIntervalMs: 1000,
  enabled: true,
  collector: null,
  tags: [],
  protocol: "MODBUS_TCP",
  settings: { host: "plc1", port: 502, unitId: 1, registerType: "HOLDING_REGISTER", address: 4 },
  version: 2,
  createdAt: "2026-12-01T00:00:00Z",
  updatedAt: "2026-12-01T00:00:00Z",
} as Channel;

function problem(status: number, body: object) {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}

function renderEditor(fetch: (request: Request) => Promise<Response>, mode: "new" | "edit") {
  const clients = {
    admin: createClient<AdminPaths>({ baseUrl: "http://parx.test", fetch }),
    analytics: createClient<AnalyticsPaths>({ baseUrl: "http://parx.test", fetch }),
  };
  const element = (
    <ChannelEditor
      mode={mode}
      channel={mode === "edit" ? STORED : undefined}
      initial={
        mode === "edit"
          ? {
              ...emptyDraft(),
              name: STORED.name,
              dataType: "FLOAT32",
              settings: { host: "plc1", registerType: "HOLDING_REGISTER", address: "4" },
            }
          : emptyDraft()
      }
      writer
      copiedFrom={undefined}
      onReload={vi.fn()}
    />
  );
  const router = createMemoryRouter(
    [
      { path: "/admin/channels/new", element },
      { path: "/admin/channels/:id/edit", element },
      { path: "/admin/channels/:id", element: <p>channel page</p> },
    ],
    { initialEntries: [mode === "new" ? "/admin/channels/new" : "/admin/channels/9/edit"] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <ClientsProvider clients={clients as never}>
        <RouterProvider router={router} />
      </ClientsProvider>
    </QueryClientProvider>,
  );
  return router;
}

describe("the channel form", () => {
  it("sends nothing while a field is wrong and shows the message at the field", async () => {
    const fetch = vi.fn(async (_request: Request) => Response.json(STORED, { status: 201 }));
    renderEditor(fetch, "new");
    await userEvent.type(screen.getByLabelText("Name *"), "Line1.Speed");
    await userEvent.selectOptions(screen.getByLabelText("Data type *"), "FLOAT32");
    await userEvent.type(screen.getByLabelText("Host *"), "plc1");
    await userEvent.selectOptions(screen.getByLabelText("Register type *"), "HOLDING_REGISTER");
    await userEvent.type(screen.getByLabelText("Address *"), "70000");
    await userEvent.click(screen.getByRole("button", { name: "Create channel" }));
    expect(screen.getByLabelText("Address *").getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById("channel-settings-address-error")?.textContent).toBe("must be between 0 and 65535");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's problem+json errors at their fields", async () => {
    const fetch = vi.fn(async (_request: Request) =>
      problem(400, {
        type: "/problems/validation",
        errors: [{ field: "settings.host", message: "must be a host name or an IP address" }],
      }),
    );
    renderEditor(fetch, "edit");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByText("must be a host name or an IP address")).id).toBe("channel-settings-host-error");
    const request = fetch.mock.calls[0][0] as Request;
    expect(request.method).toBe("PUT");
    expect(await request.json()).toMatchObject({ version: 2, settings: { host: "plc1", address: 4 } });
  });

  it("offers to reload or overwrite when someone else saved a newer version", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(problem(409, { type: "/problems/version-conflict", currentVersion: 3 }))
      .mockResolvedValueOnce(Response.json({ ...STORED, version: 4 }));
    const router = renderEditor(fetch, "edit");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Someone else changed this channel")).toBeTruthy();
    // jsdom has no showModal: the dialog's buttons are found by their text, not as accessible buttons
    await userEvent.click(screen.getByText("Overwrite with mine"));
    expect(await screen.findByText("channel page")).toBeTruthy();
    expect(await (fetch.mock.calls[1][0] as Request).json()).toMatchObject({ version: 3 });
    expect(router.state.location.pathname).toBe("/admin/channels/9");
  });
});

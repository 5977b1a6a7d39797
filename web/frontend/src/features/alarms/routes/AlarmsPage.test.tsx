import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { me, renderWithApi } from "../../../test/renderWithApi";
import { ActiveAlarmsProvider } from "../AlarmsProvider";
import { alarm, liveAlarms } from "../model/fixtures";
import { AlarmsPage } from "./AlarmsPage";

const ENTRY = {
  time: "2026-12-06T01:05:00Z",
  definitionId: 1,
  name: "Reactor over-temperature",
  channelId: 7,
  event: "ACKNOWLEDGED",
  state: "ACTIVE_ACKED",
  priority: "HIGH",
  value: 93.5,
  message: "Reactor temperature above 90 °C",
  user: "operator",
  comment: "valve checked",
};

function show(path: string) {
  return renderWithApi(
    path,
    [
      {
        path: "/alarms",
        element: (
          <ActiveAlarmsProvider store={liveAlarms(alarm({ definitionId: 1 }))}>
            <AlarmsPage />
          </ActiveAlarmsProvider>
        ),
      },
    ],
    {
      "GET /api/v1/auth/me": me("OPERATOR"),
      "GET /api/v1/io/channels": () =>
        Response.json({ content: [{ id: 7, name: "Reactor.Temp" }], page: { totalPages: 1 } }),
      "GET /api/v1/alarms/journal": () => Response.json({ content: [ENTRY], page: 0, size: 50, totalElements: 1 }),
      "GET /api/v1/analytics/export/alarm-journal": () =>
        new Response("time,name\n", {
          headers: {
            "Content-Type": "text/csv",
            "Content-Disposition": 'attachment; filename="parx-alarm-journal.csv"',
          },
        }),
    },
  );
}

describe("the alarms page", () => {
  it("shows the active alarms first, and whether they come live", async () => {
    show("/alarms");
    expect(await screen.findAllByTestId("active-alarm")).toHaveLength(1);
    expect(screen.getByTestId("alarm-summary").textContent).toBe("1 active, 1 unacknowledged · Live");
  });

  it("asks the journal with the chosen filters, keeps them in the address and lists the entries", async () => {
    const { requests, router } = show("/alarms?tab=journal");
    const entry = await screen.findByTestId("journal-entry");
    expect(entry.textContent).toContain("Acknowledged");
    expect(entry.textContent).toContain("“valve checked”");

    await userEvent.selectOptions(screen.getByTestId("journal-priority"), "HIGH");
    await userEvent.selectOptions(screen.getByTestId("journal-state"), "ACTIVE_UNACKED");
    await userEvent.type(screen.getByTestId("journal-text"), "temperature");
    await userEvent.type(await screen.findByTestId("journal-channel"), "Reactor.Temp");
    await userEvent.click(screen.getByTestId("journal-apply"));
    await screen.findByTestId("journal-entry");
    expect(router.state.location.search).toBe(
      "?tab=journal&priority=HIGH&state=ACTIVE_UNACKED&text=temperature&channelId=7",
    );
    const last = new URL(requests.filter((r) => r.url.includes("/journal")).at(-1)!.url);
    expect(Object.fromEntries(last.searchParams)).toEqual({
      priority: "HIGH",
      state: "ACTIVE_UNACKED",
      text: "temperature",
      channelId: "7",
      size: "50",
    });
  });

  it("refuses a channel name that no channel has, instead of searching all channels", async () => {
    const { router } = show("/alarms?tab=journal");
    await screen.findByTestId("journal-entry");
    await userEvent.type(screen.getByTestId("journal-channel"), "No such channel");
    await userEvent.click(screen.getByTestId("journal-apply"));
    expect(await screen.findByText("No channel has this name.")).toBeTruthy();
    expect(router.state.location.search).toBe("?tab=journal");
  });

  it("exports the journal with the filters shown, every page, in the chosen format", async () => {
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: () => "blob:x", revokeObjectURL: () => undefined }));
    const { requests } = show("/alarms?tab=journal&priority=HIGH&text=furnace&page=2");
    await screen.findByTestId("journal-entry");
    await userEvent.selectOptions(screen.getByTestId("journal-export-format"), "xlsx");
    await userEvent.click(screen.getByTestId("journal-export-run"));
    await waitFor(() => expect(screen.getByTestId("journal-export-run").textContent).toBe("Download"));
    const exported = requests.find((r) => r.url.includes("/export/alarm-journal"));
    expect(exported).toBeDefined();
    expect(Object.fromEntries(new URL(exported!.url).searchParams)).toEqual({
      priority: "HIGH",
      text: "furnace",
      format: "xlsx",
    });
    vi.unstubAllGlobals();
  });
});

import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { me, problem, renderWithApi } from "../../../test/renderWithApi";
import { ActiveAlarmsProvider } from "../../alarms/AlarmsProvider";
import { alarm, liveAlarms, transition } from "../../alarms/model/fixtures";
import type { ActiveAlarms } from "../../alarms/model/ActiveAlarms";
import type { Widget } from "../types";
import { AlarmLogWidget } from "./AlarmLogWidget";

const WIDGET: Widget = { id: "w1", kind: "ALARM_LOG", title: "", x: 0, y: 0, w: 8, h: 6, channelIds: [], options: {} };

function show(store: ActiveAlarms, role: "OPERATOR" | "ENGINEER", widget: Widget = WIDGET) {
  return renderWithApi(
    "/",
    [
      {
        path: "/",
        element: (
          <ActiveAlarmsProvider store={store}>
            <AlarmLogWidget widget={widget} channels={undefined} />
          </ActiveAlarmsProvider>
        ),
      },
    ],
    {
      "GET /api/v1/auth/me": me(role),
      "POST /api/v1/alarms/1/acknowledge": () => Response.json(alarm({ state: "ACTIVE_ACKED" })),
      "POST /api/v1/alarms/1/shelve": () => Response.json(alarm({ shelvedUntil: "2030-01-01T00:00:00Z" })),
      "POST /api/v1/alarms/2/acknowledge": () => problem(404, { type: "/problems/not-found" }),
    },
  );
}

describe("the alarm log widget", () => {
  it("lists the active alarms most urgent first with priority, state, message and value", async () => {
    show(
      liveAlarms(
        alarm({ definitionId: 1, priority: "LOW", message: "Tank level low", value: 12.25 }),
        alarm({ definitionId: 2, priority: "CRITICAL", message: "Reactor pressure above 8 bar" }),
      ),
      "OPERATOR",
    );
    const rows = await screen.findAllByTestId("active-alarm");
    expect(rows.map((row) => row.querySelector(".priority-badge")?.textContent)).toEqual(["CRITICAL", "LOW"]);
    expect(rows[1].textContent).toContain("Tank level low");
    expect(rows[1].textContent).toContain("value 12.25");
    expect(within(rows[1]).getByTestId("alarm-state").textContent).toBe("Active, unacknowledged");
  });

  it("shows only the alarms at or above its minimum priority and on its bound channels", async () => {
    show(
      liveAlarms(
        alarm({ definitionId: 1, priority: "LOW", channelId: 7 }),
        alarm({ definitionId: 2, priority: "HIGH", channelId: 7 }),
        alarm({ definitionId: 3, priority: "CRITICAL", channelId: 8 }),
      ),
      "OPERATOR",
      { ...WIDGET, channelIds: [7], options: { minPriority: "MEDIUM" } },
    );
    const rows = await screen.findAllByTestId("active-alarm");
    expect(rows.map((row) => row.querySelector(".priority-badge")?.textContent)).toEqual(["HIGH"]);
  });

  it("acknowledges with the comment given, and the router's transition updates the row", async () => {
    const store = liveAlarms(alarm({ definitionId: 1 }));
    const { requests } = show(store, "OPERATOR");
    await userEvent.click(await screen.findByTestId("alarm-acknowledge"));
    await userEvent.type(screen.getByTestId("acknowledge-comment"), "valve checked");
    await userEvent.click(screen.getByTestId("acknowledge-confirm"));
    await screen.findByTestId("alarm-acknowledge"); // the dialog closed, the row is still unacknowledged
    const post = requests.find((r) => r.method === "POST");
    expect(post?.url).toBe("http://parx.test/api/v1/alarms/1/acknowledge");
    expect(await post?.json()).toEqual({ comment: "valve checked" });

    store.receive(transition(alarm({ definitionId: 1, state: "ACTIVE_ACKED", acknowledgedBy: "operator" })));
    expect(await screen.findByText("ack. by operator")).toBeTruthy();
    expect(screen.queryByTestId("alarm-acknowledge")).toBeNull();
  });

  it("drops an alarm whose definition was deleted meanwhile (the acknowledge answers 404)", async () => {
    show(liveAlarms(alarm({ definitionId: 2 })), "OPERATOR");
    await userEvent.click(await screen.findByTestId("alarm-acknowledge"));
    await userEvent.click(screen.getByTestId("acknowledge-confirm"));
    await screen.findByTestId("no-active-alarms");
  });

  it("offers shelving to engineers, not to operators", async () => {
    const { requests } = show(liveAlarms(alarm({ definitionId: 1 })), "OPERATOR");
    await screen.findByTestId("alarm-acknowledge");
    // The role has been asked for and its answer rendered: only then does a missing button mean anything.
    await waitFor(() => expect(requests.some((r) => r.url.endsWith("/api/v1/auth/me"))).toBe(true));
    await act(async () => undefined);
    expect(screen.queryByTestId("alarm-shelve")).toBeNull();
  });

  it("shelves for the chosen duration", async () => {
    const { requests } = show(liveAlarms(alarm({ definitionId: 1 })), "ENGINEER");
    await userEvent.click(await screen.findByTestId("alarm-shelve"));
    await userEvent.selectOptions(screen.getByTestId("shelve-duration"), "PT8H");
    await userEvent.click(screen.getByTestId("shelve-confirm"));
    await screen.findByTestId("alarm-shelve");
    const post = requests.find((r) => r.method === "POST");
    expect(post?.url).toBe("http://parx.test/api/v1/alarms/1/shelve");
    expect(await post?.json()).toEqual({ duration: "PT8H" });
  });

  it("says so when no alarm is active", async () => {
    show(liveAlarms(), "OPERATOR");
    expect((await screen.findByTestId("no-active-alarms")).textContent).toBe("No active alarm.");
  });
});

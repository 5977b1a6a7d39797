import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApi } from "../../../test/renderWithApi";
import { ActiveAlarmsProvider } from "../AlarmsProvider";
import { ActiveAlarms } from "../model/ActiveAlarms";
import { alarm, liveAlarms, transition } from "../model/fixtures";
import { AlarmCount } from "./AlarmCount";

function show(store: ActiveAlarms) {
  renderWithApi(
    "/",
    [
      {
        path: "/",
        element: (
          <ActiveAlarmsProvider store={store}>
            <AlarmCount />
          </ActiveAlarmsProvider>
        ),
      },
    ],
    {},
  );
  return screen.getByTestId("alarm-count");
}

describe("the header's alarm count", () => {
  it("counts the unacknowledged alarms not shelved, coloured by the highest priority, linking to the alarms page", () => {
    const count = show(
      liveAlarms(
        alarm({ definitionId: 1, priority: "MEDIUM" }),
        alarm({ definitionId: 2, priority: "HIGH", state: "RETURNED_UNACKED" }),
        alarm({ definitionId: 3, priority: "CRITICAL", state: "ACTIVE_ACKED" }),
        alarm({ definitionId: 4, priority: "CRITICAL", shelvedUntil: "2999-01-01T00:00:00Z" }),
      ),
    );
    expect(screen.getByTestId("alarm-count-number").textContent).toBe("2");
    expect(count.className).toContain("priority-high");
    expect(count.getAttribute("href")).toBe("/alarms");
    expect(count.getAttribute("aria-label")).toBe("2 unacknowledged alarms, highest priority HIGH");
  });

  it("goes down when an alarm is acknowledged elsewhere", async () => {
    const store = liveAlarms(alarm({ definitionId: 1 }));
    show(store);
    expect(screen.getByTestId("alarm-count-number").textContent).toBe("1");
    store.receive(transition(alarm({ definitionId: 1, state: "ACTIVE_ACKED" })));
    expect((await screen.findByTestId("alarm-count-number")).textContent).toBe("0");
    expect(screen.getByTestId("alarm-count").className).toContain("alarm-count-none");
  });

  it("shows that the list is still loading rather than a count of 0", () => {
    show(new ActiveAlarms(async () => []));
    expect(screen.getByTestId("alarm-count-number").textContent).toBe("…");
  });
});

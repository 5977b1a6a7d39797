import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LiveStoreProvider } from "../../lib/live/LiveContext";
import { LiveStore } from "../../lib/live/LiveStore";
import { renderWithApi } from "../../test/renderWithApi";
import { AlarmsProvider } from "./AlarmsProvider";
import { AlarmCount } from "./components/AlarmCount";
import { alarm } from "./model/fixtures";

describe("the alarms provider", () => {
  it("subscribes over the live connection and asks GET /active when the router refuses the subscription", async () => {
    const live = new LiveStore((flush) => flush());
    const calls: string[] = [];
    live.attach({
      add: () => undefined,
      remove: () => undefined,
      addAlarms: () => calls.push("subscribe-alarms"),
      removeAlarms: () => calls.push("unsubscribe-alarms"),
    });
    renderWithApi(
      "/",
      [
        {
          path: "/",
          element: (
            <LiveStoreProvider store={live}>
              <AlarmsProvider>
                <AlarmCount />
              </AlarmsProvider>
            </LiveStoreProvider>
          ),
        },
      ],
      { "GET /api/v1/alarms/active": () => Response.json({ content: [alarm(), alarm({ definitionId: 2 })] }) },
    );
    expect(calls).toEqual(["subscribe-alarms"]);
    live.alarmMessage({ type: "refused", code: "BAD_MESSAGE" });
    expect((await screen.findByText("2")).className).toBe("alarm-count-number");

    live.alarmMessage({ type: "alarms", active: [alarm()] });
    expect((await screen.findByText("1")).className).toBe("alarm-count-number");
  });
});

import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { LiveStoreProvider } from "../../../../lib/live/LiveContext";
import { LiveStore } from "../../../../lib/live/LiveStore";
import { me, problem, renderWithApi, type Routes } from "../../../../test/renderWithApi";
import type { Channel } from "../../../channels";
import type { Widget } from "../../types";
import { setpointChannel } from "./fixtures";
import { SetpointWidget } from "./SetpointWidget";

const WIDGET: Widget = { id: "s1", kind: "SETPOINT", title: "", x: 0, y: 0, w: 6, h: 5, channelIds: [42], options: {} };

const WRITTEN = { written: 72.5, readBack: 72.5, previous: 850, quality: 0, qualityName: "Good", latencyMs: 3 };

function show(channel: Channel, role: "OPERATOR" | "ENGINEER", routes: Routes = {}, widget: Widget = WIDGET) {
  const live = new LiveStore((flush) => flush());
  const rendered = renderWithApi(
    "/",
    [
      {
        path: "/",
        element: (
          <LiveStoreProvider store={live}>
            <SetpointWidget widget={widget} channels={new Map([[channel.id, channel]])} />
          </LiveStoreProvider>
        ),
      },
    ],
    {
      "GET /api/v1/auth/me": me(role),
      "POST /api/v1/io/channels/42/write": () => Response.json(WRITTEN),
      ...routes,
    },
  );
  const sample = (value: number | boolean) =>
    act(() => live.ingest([{ channelId: 42, time: new Date().toISOString(), value, quality: 0 }], Date.now()));
  return { ...rendered, sample };
}

/** The writes the widget sent, as their JSON bodies. */
async function writes(requests: Request[]): Promise<unknown[]> {
  return Promise.all(requests.filter((r) => r.url.endsWith("/write")).map((r) => r.json()));
}

async function enter(text: string) {
  const input = screen.getByTestId("setpoint-input");
  await waitFor(() => expect((input as HTMLInputElement).disabled).toBe(false));
  await userEvent.type(input, text);
  await userEvent.click(screen.getByTestId("setpoint-write"));
}

describe("the setpoint widget", () => {
  it("shows the live value and the limits, asks before writing and shows the value read back", async () => {
    const { requests, sample } = show(setpointChannel(), "ENGINEER");
    await sample(850);
    expect(screen.getByTestId("value").textContent).toBe("850");
    expect((await screen.findByTestId("setpoint-limits")).textContent).toBe("Limits: 0 to 1000 °C");

    await enter("72.5");
    expect(screen.getByTestId("setpoint-question").textContent).toBe("Write 72.5 °C to Furnace setpoint?");
    expect(await writes(requests)).toEqual([]); // nothing sent before the confirmation
    await userEvent.click(screen.getByTestId("setpoint-confirm"));

    const outcome = await screen.findByTestId("setpoint-outcome");
    expect(outcome.textContent).toContain("Written 72.5 °C, read back 72.5 °C.");
    expect(outcome.getAttribute("role")).toBe("status");
    expect(await writes(requests)).toEqual([{ value: 72.5 }]);
    expect(screen.queryByTestId("setpoint-question")).toBeNull();
  });

  it("sends nothing when the confirmation is cancelled", async () => {
    const { requests } = show(setpointChannel(), "ENGINEER");
    await enter("100");
    await userEvent.click(screen.getByText("Cancel"));
    expect(screen.queryByTestId("setpoint-question")).toBeNull();
    expect(await writes(requests)).toEqual([]);
  });

  it("refuses a value beyond the limits before asking", async () => {
    const { requests } = show(setpointChannel(), "ENGINEER");
    await enter("1200");
    expect(screen.getByRole("alert").textContent).toBe("At most 1000 °C.");
    expect(screen.queryByTestId("setpoint-question")).toBeNull();
    expect(await writes(requests)).toEqual([]);
  });

  it("shows the server's reason when the device does not take the value", async () => {
    show(setpointChannel(), "ENGINEER", {
      "POST /api/v1/io/channels/42/write": () =>
        problem(502, {
          type: "/problems/device-write-failed",
          detail: "the device of channel Furnace setpoint did not take the value: Bad_NotConnected",
        }),
    });
    await enter("72.5");
    await userEvent.click(screen.getByTestId("setpoint-confirm"));
    const outcome = await screen.findByTestId("setpoint-outcome");
    expect(outcome.textContent).toContain(
      "Not written (502): the device of channel Furnace setpoint did not take the value: Bad_NotConnected",
    );
    expect(outcome.getAttribute("role")).toBe("alert");
    expect(outcome.dataset.tone).toBe("bad");
  });

  it("is disabled for an operator with the reason when the channel is not operatorWritable", async () => {
    const { requests } = show(setpointChannel({ writable: true }), "OPERATOR");
    expect((await screen.findByTestId("setpoint-disabled")).textContent).toBe(
      "Only engineers and administrators may write Furnace setpoint.",
    );
    expect((screen.getByTestId("setpoint-input") as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId("setpoint-write") as HTMLButtonElement).disabled).toBe(true);
    expect(await writes(requests)).toEqual([]);
  });

  it("lets an operator write a channel that says operatorWritable", async () => {
    const { requests } = show(setpointChannel({ writable: true, operatorWritable: true }), "OPERATOR");
    await enter("5");
    await userEvent.click(screen.getByTestId("setpoint-confirm"));
    await screen.findByTestId("setpoint-outcome");
    expect(await writes(requests)).toEqual([{ value: 5 }]);
  });

  it("is disabled for everyone with the reason when the channel is read-only", async () => {
    show(setpointChannel({ writable: false }), "ENGINEER");
    expect((await screen.findByTestId("setpoint-disabled")).textContent).toContain("is read-only");
    expect(screen.queryByTestId("setpoint-limits")).toBeNull();
  });

  it("switches a BOOL channel on and off with the widget's labels, the live state pressed", async () => {
    const burner = setpointChannel({ writable: true }, { name: "Burner", unit: "", dataType: "BOOL" });
    const widget = { ...WIDGET, options: { onLabel: "Running", offLabel: "Stopped" } };
    const { requests, sample } = show(burner, "ENGINEER", {}, widget);
    await sample(false);
    const on = screen.getByTestId("setpoint-on");
    expect(on.textContent).toBe("Running");
    expect(screen.getByTestId("setpoint-off").getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByTestId("setpoint-input")).toBeNull();

    await waitFor(() => expect((on as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(on);
    expect(screen.getByTestId("setpoint-question").textContent).toBe("Write Running to Burner?");
    await userEvent.click(screen.getByTestId("setpoint-confirm"));
    await screen.findByTestId("setpoint-outcome");
    expect(await writes(requests)).toEqual([{ value: true }]);
  });

  it("says so when no channel is bound", () => {
    show(setpointChannel(), "ENGINEER", {}, { ...WIDGET, channelIds: [] });
    expect(screen.getByText(/No channel bound/)).toBeTruthy();
  });
});

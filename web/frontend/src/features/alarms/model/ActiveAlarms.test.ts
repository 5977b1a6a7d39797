import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ActiveAlarms, POLL_EVERY_MS, RESYNC_EVERY_MS, SNAPSHOT_WAIT_MS } from "./ActiveAlarms";
import { alarm, transition } from "./fixtures";
import type { ActiveAlarm } from "../types";

describe("the active alarms", () => {
  let served: ActiveAlarm[];
  let polls: number;
  let store: ActiveAlarms;

  beforeEach(() => {
    vi.useFakeTimers();
    served = [];
    polls = 0;
    store = new ActiveAlarms(async () => {
      polls++;
      return served;
    });
    store.start();
  });

  afterEach(() => {
    store.stop();
    vi.useRealTimers();
  });

  const ids = () => store.get().alarms.map((a) => a.definitionId);

  it("takes the router's snapshot as the whole list, most urgent first, and does not poll", async () => {
    store.receive({
      type: "alarms",
      active: [
        alarm({ definitionId: 1, priority: "LOW" }),
        alarm({ definitionId: 2, priority: "CRITICAL" }),
        alarm({ definitionId: 3, priority: "HIGH", state: "ACTIVE_ACKED" }),
        alarm({ definitionId: 4, priority: "HIGH", activatedAt: "2026-12-06T01:30:00Z" }),
      ],
    });
    expect(ids()).toEqual([2, 4, 3, 1]);
    expect(store.get()).toMatchObject({ mode: "live", loaded: true });
    await vi.advanceTimersByTimeAsync(SNAPSHOT_WAIT_MS + 3 * POLL_EVERY_MS);
    expect(polls).toBe(0);
  });

  it("replaces the entry a transition names and removes it when it went back to normal", () => {
    store.receive({ type: "alarms", active: [alarm({ definitionId: 1 }), alarm({ definitionId: 2 })] });
    const acked = alarm({ definitionId: 1, state: "ACTIVE_ACKED", acknowledgedBy: "operator" });
    store.receive(transition(acked));
    expect(store.get().alarms.find((a) => a.definitionId === 1)?.state).toBe("ACTIVE_ACKED");

    store.receive(transition(null, { definitionId: 2, event: "RETURNED" }));
    expect(ids()).toEqual([1]);

    store.receive(transition(alarm({ definitionId: 5, priority: "CRITICAL" }), { event: "ACTIVATED" }));
    expect(ids()).toEqual([5, 1]);
  });

  it("ignores a transition before the snapshot, which alone would leave the rest of the list unknown", () => {
    store.receive(transition(alarm({ definitionId: 9 }), { event: "ACTIVATED" }));
    expect(store.get()).toMatchObject({ alarms: [], loaded: false, mode: "waiting" });
  });

  it("polls GET /active every 10 s when no snapshot comes (an older router ignores the subscription)", async () => {
    served = [alarm({ definitionId: 3 })];
    await vi.advanceTimersByTimeAsync(SNAPSHOT_WAIT_MS);
    expect(polls).toBe(1);
    expect(store.get()).toMatchObject({ mode: "polling", loaded: true });
    expect(ids()).toEqual([3]);

    served = [];
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(polls).toBe(2);
    expect(ids()).toEqual([]);
  });

  it("polls at once when the router answers the subscription with an error", async () => {
    served = [alarm({ definitionId: 4 })];
    store.receive({ type: "refused", code: "BAD_MESSAGE" });
    await vi.advanceTimersByTimeAsync(0);
    expect(polls).toBe(1);
    expect(ids()).toEqual([4]);
  });

  it("stops polling once a snapshot arrives, and drops the answer of a poll begun before it", async () => {
    let answer: (alarms: ActiveAlarm[]) => void = () => undefined;
    store = new ActiveAlarms(() => new Promise((resolve) => (answer = resolve)));
    store.receive({ type: "refused", code: "BAD_MESSAGE" });
    store.receive({ type: "alarms", active: [alarm({ definitionId: 8 })] });
    answer([alarm({ definitionId: 99 })]);
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS * 2);
    expect(store.get().mode).toBe("live");
    expect(ids()).toEqual([8]);
  });

  it("keeps the list and reports the failure when a poll fails, until one succeeds again", async () => {
    let down = false;
    store = new ActiveAlarms(async () => {
      if (down) throw new Error("503");
      return [alarm({ definitionId: 3 })];
    });
    store.receive({ type: "refused", code: "BAD_MESSAGE" });
    await vi.advanceTimersByTimeAsync(0);
    down = true;
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(store.get().error).toBeInstanceOf(Error);
    expect(ids()).toEqual([3]);
    down = false;
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(store.get().error).toBeUndefined();
  });

  it("falls back to polling when the connection stays lost, and back to live with the next snapshot", async () => {
    store.receive({ type: "alarms", active: [alarm({ definitionId: 1 })] });
    store.connection("closed");
    expect(store.get()).toMatchObject({ mode: "waiting", loaded: true });
    expect(ids()).toEqual([1]);
    served = [alarm({ definitionId: 2 })];
    await vi.advanceTimersByTimeAsync(SNAPSHOT_WAIT_MS);
    expect(store.get().mode).toBe("polling");
    expect(ids()).toEqual([2]);

    store.connection("open");
    store.receive({ type: "alarms", active: [alarm({ definitionId: 3 })] });
    await vi.advanceTimersByTimeAsync(POLL_EVERY_MS);
    expect(polls).toBe(1);
    expect(ids()).toEqual([3]);
  });

  it("applies the answer of an acknowledge while polling, and leaves it to the live feed otherwise", async () => {
    served = [alarm({ definitionId: 1, state: "RETURNED_UNACKED" })];
    store.receive({ type: "refused", code: "BAD_MESSAGE" });
    await vi.advanceTimersByTimeAsync(0);
    store.applied(alarm({ definitionId: 1, state: "NORMAL" }));
    expect(ids()).toEqual([]);

    store.receive({ type: "alarms", active: [alarm({ definitionId: 1 })] });
    store.applied(alarm({ definitionId: 1, state: "NORMAL" }));
    expect(ids()).toEqual([1]);
  });

  it("asks the router for the whole list again every 5 minutes, as a disabled or deleted definition sends no message", async () => {
    let resubscribed = 0;
    store = new ActiveAlarms(
      async () => [],
      () => resubscribed++,
    );
    store.receive({ type: "alarms", active: [alarm()] });
    await vi.advanceTimersByTimeAsync(RESYNC_EVERY_MS - 1);
    expect(resubscribed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(resubscribed).toBe(1);
    store.receive({ type: "alarms", active: [] });
    expect(ids()).toEqual([]);
    await vi.advanceTimersByTimeAsync(RESYNC_EVERY_MS);
    expect(resubscribed).toBe(2);
  });

  it("forgets an alarm whose definition is gone", () => {
    store.receive({ type: "alarms", active: [alarm({ definitionId: 1 }), alarm({ definitionId: 2 })] });
    store.forget(1);
    expect(ids()).toEqual([2]);
  });

  it("tells its listeners of every change", () => {
    const heard = vi.fn();
    store.subscribe(heard);
    store.receive({ type: "alarms", active: [] });
    store.receive(transition(alarm(), { event: "ACTIVATED" }));
    expect(heard).toHaveBeenCalledTimes(2);
  });
});

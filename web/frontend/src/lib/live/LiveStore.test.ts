import { describe, expect, it, vi } from "vitest";
import { LiveStore } from "./LiveStore";

function storeWithManualFrames() {
  const frames: (() => void)[] = [];
  const store = new LiveStore((flush) => frames.push(flush));
  const frame = () => frames.splice(0).forEach((flush) => flush());
  return { store, frame, frames };
}

const sample = (channelId: number, second: number, value: number, quality = 0) => ({
  channelId,
  time: `2026-01-01T00:00:${String(second).padStart(2, "0")}Z`,
  value,
  quality,
});

describe("LiveStore", () => {
  it("tells a widget about many samples once per animation frame", () => {
    const { store, frame, frames } = storeWithManualFrames();
    const listener = vi.fn();
    store.subscribeChannel(42, listener);
    for (let i = 0; i < 100; i++) store.ingest([sample(42, i % 60, i)], 0);
    expect(frames).toHaveLength(1);
    expect(listener).not.toHaveBeenCalled();
    frame();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("tells a listener of many channels once per frame however many of them changed, and not for other channels", () => {
    // A table of thirty rows renders once per frame through one subscription, not once per changed row.
    const { store, frame } = storeWithManualFrames();
    const listener = vi.fn();
    const release = store.subscribeChannels([1, 2, 3], listener);
    store.ingest([sample(1, 1, 1), sample(2, 1, 2), sample(3, 1, 3)], 0);
    frame();
    expect(listener).toHaveBeenCalledTimes(1);
    store.ingest([sample(4, 2, 4)], 0);
    frame();
    expect(listener).toHaveBeenCalledTimes(1);
    const before = store.generation();
    release();
    store.ingest([sample(1, 3, 5)], 0);
    frame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.generation()).toBeGreaterThan(before);
  });

  it("keeps the newest sample per channel and hands every sample to stream listeners in order", () => {
    const { store, frame } = storeWithManualFrames();
    const stream = vi.fn();
    store.subscribeStream(42, stream);
    store.ingest([sample(42, 5, 5), sample(42, 3, 3)], 0);
    frame();
    expect(store.sample(42)?.value).toBe(5);
    expect(stream.mock.calls[0][0].map((s: { value: number }) => s.value)).toEqual([5, 3]);
  });

  it("subscribes a channel when the first widget watches it and unsubscribes when the last one leaves", () => {
    const { store } = storeWithManualFrames();
    const add = vi.fn();
    const remove = vi.fn();
    store.attach({ add, remove });
    const first = store.watch([1, 2]);
    const second = store.watch([2, 3]);
    expect(add.mock.calls).toEqual([[[1, 2]], [[3]]]);
    expect(store.watchedChannels().sort()).toEqual([1, 2, 3]);
    first();
    expect(remove.mock.calls).toEqual([[[1]]]);
    second();
    expect(remove.mock.calls).toEqual([[[1]], [[2, 3]]]);
    expect(store.watchedChannels()).toEqual([]);
  });

  it("remembers that the connection was open, so that closed afterwards means lost", () => {
    const { store } = storeWithManualFrames();
    store.setConnectionState("open");
    store.setConnectionState("closed");
    expect(store.connectionStatus()).toMatchObject({ state: "closed", wasOpen: true });
  });

  it("subscribes to the alarms while anyone listens, and hands each alarm message to every listener", () => {
    const { store } = storeWithManualFrames();
    const calls: string[] = [];
    store.attach({
      add: () => undefined,
      remove: () => undefined,
      addAlarms: () => calls.push("add"),
      removeAlarms: () => calls.push("remove"),
    });
    const first = vi.fn();
    const second = vi.fn();
    const releaseFirst = store.watchAlarms(first);
    const releaseSecond = store.watchAlarms(second);
    expect(store.alarmsWatched()).toBe(true);
    store.alarmMessage({ type: "alarms", active: [] });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    releaseFirst();
    releaseFirst();
    releaseSecond();
    expect(calls).toEqual(["add", "remove"]);
    expect(store.alarmsWatched()).toBe(false);
  });
});

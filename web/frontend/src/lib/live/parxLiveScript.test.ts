import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
// The reference client the data-router serves at /parx-live.js (docs/API.md "Reconnecting"), tested here because
// this is the build that runs JavaScript.
import script from "../../../../../data-router/src/main/resources/static/parx-live.js?raw";

interface ParxLiveOptions {
  url: string;
  getToken: () => Promise<string>;
  onStatus?: (channelId: number, status: string) => void;
  onError?: (error: { code: string }) => void;
}
interface ParxLiveClient {
  subscribe(request: { channelIds?: number[]; tags?: string[]; maxRate?: number }): void;
  close(): void;
}
type ParxLiveClass = new (options: ParxLiveOptions) => ParxLiveClient;

class FakeSocket {
  static OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.receive({ type: "welcome", protocol: "parx.v1", user: "op", tokenExpiresAt: "2030-01-01T00:00:00Z" });
  }
  receive(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function load(): ParxLiveClass {
  const module: { exports: unknown } = { exports: {} };
  new Function("module", script)(module);
  return module.exports as ParxLiveClass;
}

describe("parx-live.js", () => {
  let ParxLive: ParxLiveClass;
  const last = () => FakeSocket.all[FakeSocket.all.length - 1];

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("WebSocket", FakeSocket);
    vi.spyOn(Math, "random").mockReturnValue(0.5); // no jitter
    FakeSocket.all = [];
    ParxLive = load();
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  async function started(options: Partial<ParxLiveOptions> = {}) {
    const live = new ParxLive({ url: "ws://parx/ws", getToken: async () => "t", ...options });
    await vi.advanceTimersByTimeAsync(0);
    return live;
  }

  it.each([1008, 1009, 4403])("stops after a close for a policy reason (%i) instead of resubscribing", async (code) => {
    const errors: { code: string }[] = [];
    const live = await started({ onError: (error) => errors.push(error) });
    live.subscribe({ channelIds: [1, 2] });
    last().open();
    last().drop(code);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ code: "CLOSED" })]);
  });

  it("backs off when every session is closed right after its resubscribe, instead of a tight loop", async () => {
    const live = await started();
    live.subscribe({ channelIds: [1] });
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      last().open();
      const before = Date.now();
      last().drop(4408);
      const count = FakeSocket.all.length;
      while (FakeSocket.all.length === count) await vi.advanceTimersByTimeAsync(50);
      delays.push(Math.round((Date.now() - before) / 50) * 50);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it("splits a subscribe of 10,000 channels into messages of 2,000 ids and sends them all again after a reconnect", async () => {
    const live = await started();
    last().open();
    const ids = Array.from({ length: 10_000 }, (_, i) => 100_000 + i);
    live.subscribe({ channelIds: ids, maxRate: 5 });
    const sent = () => last().sent.filter((m) => m.type === "subscribe");
    expect(sent().map((m) => (m.channelIds as number[]).length)).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(sent().flatMap((m) => m.channelIds as number[])).toEqual(ids);
    expect(sent().every((m) => m.maxRate === 5)).toBe(true);
    last().drop(1006);
    await vi.advanceTimersByTimeAsync(700);
    last().open();
    expect(sent().flatMap((m) => m.channelIds as number[])).toEqual(ids);
  });

  it("reports each channel of a status that names several", async () => {
    const statuses: [number, string][] = [];
    await started({ onStatus: (channelId, status) => statuses.push([channelId, status]) });
    last().open();
    last().receive({ type: "status", channelIds: [7, 8], status: "disabled" });
    last().receive({ type: "status", channelId: 7, status: "deleted" });
    expect(statuses).toEqual([
      [7, "disabled"],
      [8, "disabled"],
      [7, "deleted"],
    ]);
  });
});

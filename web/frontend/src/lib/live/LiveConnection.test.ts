import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveConnection, type LiveConnectionOptions } from "./LiveConnection";

/** A WebSocket the test drives: what the client sent, and server messages and closes on demand. */
class FakeSocket {
  static OPEN = 1;
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
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

describe("LiveConnection", () => {
  let sockets: FakeSocket[];
  let tokens: number;
  let samples: unknown[][];
  let states: string[];

  function connection(channels: number[] = [42, 43], extra: Partial<LiveConnectionOptions> = {}) {
    const live = new LiveConnection({
      url: "ws://parx/ws",
      getToken: async () => `t${++tokens}`,
      channels: () => channels,
      onSamples: (s) => samples.push(s),
      onStatus: () => undefined,
      onState: (state) => states.push(state),
      createSocket: (url, protocols) => {
        const socket = new FakeSocket(url, protocols);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      ...extra,
    });
    live.start();
    return live;
  }

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal("WebSocket", FakeSocket);
    sockets = [];
    tokens = 0;
    samples = [];
    states = [];
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("sends the token as a subprotocol, never in the URL", async () => {
    connection();
    await vi.runOnlyPendingTimersAsync();
    expect(sockets[0].url).toBe("ws://parx/ws");
    expect(sockets[0].protocols).toEqual(["parx.v1", "bearer.t1"]);
  });

  it("subscribes to the watched channels after every welcome, so a reconnect refills the display", async () => {
    connection([42, 43]);
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    expect(sockets[0].sent).toEqual([expect.objectContaining({ type: "subscribe", channelIds: [42, 43] })]);
    sockets[0].drop(1006);
    await vi.advanceTimersByTimeAsync(700); // 0.5 s backoff ± 20 %
    expect(sockets).toHaveLength(2);
    sockets[1].open();
    expect(sockets[1].sent).toEqual([expect.objectContaining({ type: "subscribe", channelIds: [42, 43] })]);
    expect(states).toEqual(["connecting", "open", "closed", "connecting", "open"]);
  });

  it("subscribes to the alarms after every welcome while they are watched, and hands their messages on", async () => {
    const alarms: unknown[] = [];
    connection([42], { alarms: () => true, onAlarms: (message) => alarms.push(message) });
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    expect(sockets[0].sent.map((m) => m.type)).toEqual(["subscribe", "subscribe-alarms"]);
    sockets[0].receive({ type: "alarms", id: "2", active: [] });
    sockets[0].receive({ type: "alarm", event: { definitionId: 1 }, active: null });
    expect(alarms).toEqual([
      { type: "alarms", id: "2", active: [] },
      { type: "alarm", event: { definitionId: 1 }, active: null },
    ]);
    sockets[0].drop(1006);
    await vi.advanceTimersByTimeAsync(700);
    sockets[1].open();
    expect(sockets[1].sent.map((m) => m.type)).toEqual(["subscribe", "subscribe-alarms"]);
  });

  it("reports an error answering the alarm subscription as refused: an older router does not know the type", async () => {
    const alarms: unknown[] = [];
    const errors: unknown[] = [];
    connection([], { alarms: () => true, onAlarms: (m) => alarms.push(m), onError: (e) => errors.push(e) });
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    const id = sockets[0].sent.find((m) => m.type === "subscribe-alarms")?.id;
    sockets[0].receive({ type: "error", id: "elsewhere", code: "UNKNOWN_CHANNEL", message: "no" });
    sockets[0].receive({ type: "error", id, code: "BAD_MESSAGE", message: "unknown type" });
    expect(alarms).toEqual([{ type: "refused", code: "BAD_MESSAGE" }]);
    expect(errors).toHaveLength(2);
  });

  it("ignores a message type it does not know, so a newer router breaks nothing", async () => {
    connection([42]);
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    sockets[0].receive({ type: "something-new", detail: 1 });
    sockets[0].receive({ type: "snapshot", samples: [{ channelId: 42, time: "2026-12-06T00:00:00Z", quality: 0 }] });
    expect(samples).toHaveLength(1);
  });

  it("backs off exponentially with jitter up to 30 s and starts over after a connection that lasted", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0.5); // no jitter
    connection();
    await vi.runOnlyPendingTimersAsync();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = Date.now();
      sockets[sockets.length - 1].drop(1006);
      const count = sockets.length;
      while (sockets.length === count) await vi.advanceTimersByTimeAsync(50);
      delays.push(Math.round((Date.now() - before) / 50) * 50);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    sockets[sockets.length - 1].open();
    await vi.advanceTimersByTimeAsync(10_000);
    sockets[sockets.length - 1].drop(1006);
    const count = sockets.length;
    await vi.advanceTimersByTimeAsync(550);
    expect(sockets.length).toBe(count + 1);
  });

  it("answers auth-required with a fresh token on the open connection", async () => {
    connection();
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    sockets[0].receive({ type: "auth-required", tokenExpiresAt: "x", closeAt: "y" });
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets[0].sent.at(-1)).toMatchObject({ type: "auth", token: "t2" });
  });

  it("keeps backing off when every session is closed right after its welcome, instead of a tight loop", async () => {
    // A router that closes each session as a slow consumer right after the resubscribe once saw a reconnect every
    // 0.5 s for ever, because each welcome reset the backoff.
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    connection();
    await vi.runOnlyPendingTimersAsync();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      sockets[sockets.length - 1].open();
      const before = Date.now();
      sockets[sockets.length - 1].drop(4408);
      const count = sockets.length;
      while (sockets.length === count) await vi.advanceTimersByTimeAsync(50);
      delays.push(Math.round((Date.now() - before) / 50) * 50);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it.each([1008, 1009, 4403])(
    "does not reconnect after a close for a policy reason (%i) and says why",
    async (code) => {
      const errors: { code: string }[] = [];
      connection([42], { onError: (error) => errors.push(error) });
      await vi.runOnlyPendingTimersAsync();
      sockets[0].open();
      sockets[0].drop(code);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(sockets).toHaveLength(1);
      expect(errors).toEqual([expect.objectContaining({ code: "CLOSED" })]);
    },
  );

  it("reports each channel of a status that names several", async () => {
    const statuses: [number, string][] = [];
    connection([42, 43], { onStatus: (channelId, status) => statuses.push([channelId, status]) });
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    sockets[0].receive({ type: "status", channelIds: [42, 43], status: "disabled" });
    sockets[0].receive({ type: "status", channelId: 42, status: "enabled" });
    expect(statuses).toEqual([
      [42, "disabled"],
      [43, "disabled"],
      [42, "enabled"],
    ]);
  });

  it("does not reconnect after a normal closure", async () => {
    connection();
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    sockets[0].drop(1000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("drops a sample older than the one already delivered (snapshot and updates overlap)", async () => {
    connection([42]);
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    sockets[0].receive({
      type: "update",
      samples: [{ channelId: 42, time: "2026-01-01T00:00:01.000002Z", value: 2, quality: 0 }],
    });
    sockets[0].receive({
      type: "snapshot",
      samples: [
        { channelId: 42, time: "2026-01-01T00:00:01.000001Z", value: 1, quality: 0 },
        { channelId: 42, time: "2026-01-01T00:00:01.000003Z", value: 3, quality: 0 },
      ],
    });
    expect(samples.flat().map((s) => (s as { value: number }).value)).toEqual([2, 3]);
  });

  it("pings every 25 s and reconnects after 60 s of silence (a half-open connection)", async () => {
    connection();
    await vi.runOnlyPendingTimersAsync();
    sockets[0].open();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(sockets[0].sent.at(-1)).toMatchObject({ type: "ping" });
    await vi.advanceTimersByTimeAsync(51_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets.length).toBe(2);
  });
});

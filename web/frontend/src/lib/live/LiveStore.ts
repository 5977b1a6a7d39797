import type { ConnectionState } from "./LiveConnection";
import { type AlarmMessage, type SampleValue, type WireSample, timeOf } from "./protocol";
import { FramePerf } from "./FramePerf";

export interface LiveSample {
  channelId: number;
  /** ms since the epoch, microseconds as fraction. */
  time: number;
  value?: SampleValue;
  quality: number;
}

export interface LiveStatus {
  state: ConnectionState;
  /** When the state last changed (ms since the epoch). */
  since: number;
  /** Whether the connection has been open before (so "closed" means lost, not "not yet"). */
  wasOpen: boolean;
}

type Listener = () => void;
type StreamListener = (samples: LiveSample[]) => void;

/** What the connection passes on about the alarms: the router's messages, or its refusal (an older router). */
export type AlarmFeedMessage = AlarmMessage | { type: "refused"; code: string };
type AlarmListener = (message: AlarmFeedMessage) => void;

export interface Subscriptions {
  add(channelIds: number[]): void;
  remove(channelIds: number[]): void;
  addAlarms?(): void;
  removeAlarms?(): void;
}

/**
 * The live values of the tab: the newest sample per channel, and every sample for the widgets that draw history
 * (trends, the alarm log). Many samples arrive per second; listeners hear of them at most once per animation frame,
 * so a dashboard re-renders once per frame whatever the rate.
 */
export class LiveStore {
  private readonly latest = new Map<number, LiveSample>();
  private readonly channelStatus = new Map<number, string>();
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly streams = new Map<number, Set<StreamListener>>();
  private readonly statusListeners = new Set<Listener>();
  private readonly alarmListeners = new Set<AlarmListener>();
  private readonly refs = new Map<number, number>();
  private dirty = new Set<number>();
  private pendingSamples = new Map<number, LiveSample[]>();
  private scheduled = false;
  /** Counts flushes: a widget that reads many channels compares it to know whether to render again. */
  private flushes = 0;
  private connection: LiveStatus = { state: "connecting", since: Date.now(), wasOpen: false };
  private subscriptions: Subscriptions | null = null;
  readonly perf = new FramePerf();

  constructor(private readonly schedule: (flush: () => void) => void = (flush) => requestAnimationFrame(flush)) {}

  /** Where add/remove of watched channels go (the connection); set once the connection exists. */
  attach(subscriptions: Subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** The channels watched by at least one widget, for (re)subscribing. */
  watchedChannels(): number[] {
    return [...this.refs.keys()];
  }

  /** A widget needs live values of these channels; the returned function releases them. */
  watch(channelIds: number[]): () => void {
    const added: number[] = [];
    for (const id of new Set(channelIds)) {
      const count = this.refs.get(id) ?? 0;
      this.refs.set(id, count + 1);
      if (count === 0) added.push(id);
    }
    if (added.length > 0) this.subscriptions?.add(added);
    return () => {
      const removed: number[] = [];
      for (const id of new Set(channelIds)) {
        const count = (this.refs.get(id) ?? 1) - 1;
        if (count <= 0) {
          this.refs.delete(id);
          this.latest.delete(id);
          removed.push(id);
        } else {
          this.refs.set(id, count);
        }
      }
      if (removed.length > 0) this.subscriptions?.remove(removed);
    };
  }

  /** The alarm messages go to the listener (subscribed while there is one); the returned function releases it. */
  watchAlarms(listener: AlarmListener): () => void {
    this.alarmListeners.add(listener);
    if (this.alarmListeners.size === 1) this.subscriptions?.addAlarms?.();
    return () => {
      if (!this.alarmListeners.delete(listener)) return;
      if (this.alarmListeners.size === 0) this.subscriptions?.removeAlarms?.();
    };
  }

  /** Asks the router for the whole alarm list again (it answers a repeated subscribe-alarms with it). */
  resubscribeAlarms = () => {
    if (this.alarmListeners.size > 0) this.subscriptions?.addAlarms?.();
  };

  /** Whether to (re)subscribe to the alarms. */
  alarmsWatched(): boolean {
    return this.alarmListeners.size > 0;
  }

  /** Alarm messages are few (one per transition): they go out at once, not per animation frame. */
  alarmMessage(message: AlarmFeedMessage) {
    this.alarmListeners.forEach((listener) => listener(message));
  }

  sample(channelId: number): LiveSample | undefined {
    return this.latest.get(channelId);
  }

  status(channelId: number): string | undefined {
    return this.channelStatus.get(channelId);
  }

  connectionStatus = (): LiveStatus => this.connection;

  subscribeChannel(channelId: number, listener: Listener): () => void {
    return this.addTo(this.listeners, channelId, listener);
  }

  /**
   * One listener for many channels (a table's rows): called once per animation frame in which any of them changed,
   * however many did, so a widget re-renders once per frame rather than once per changed row.
   */
  subscribeChannels(channelIds: readonly number[], listener: Listener): () => void {
    const releases = [...new Set(channelIds)].map((id) => this.addTo(this.listeners, id, listener));
    return () => releases.forEach((release) => release());
  }

  /** A number that changes with every flush (for useSyncExternalStore snapshots of many channels). */
  generation = (): number => this.flushes;

  /** Every sample of the channel as it arrives (batched per animation frame), in arrival order. */
  subscribeStream(channelId: number, listener: StreamListener): () => void {
    return this.addTo(this.streams, channelId, listener);
  }

  subscribeConnection = (listener: Listener): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  ingest(samples: WireSample[], receivedAt: number) {
    for (const wire of samples) {
      const sample: LiveSample = {
        channelId: wire.channelId,
        time: timeOf(wire.time),
        value: wire.value,
        quality: wire.quality >>> 0,
      };
      const shown = this.latest.get(sample.channelId);
      if (!shown || sample.time >= shown.time) this.latest.set(sample.channelId, sample);
      this.dirty.add(sample.channelId);
      if (this.streams.has(sample.channelId)) {
        let pending = this.pendingSamples.get(sample.channelId);
        if (!pending) this.pendingSamples.set(sample.channelId, (pending = []));
        pending.push(sample);
      }
    }
    this.perf.received(receivedAt);
    this.requestFlush();
  }

  setChannelStatus(channelId: number, status: string) {
    if (status === "enabled") this.channelStatus.delete(channelId);
    else this.channelStatus.set(channelId, status);
    this.dirty.add(channelId);
    this.requestFlush();
  }

  setConnectionState(state: ConnectionState) {
    if (state === this.connection.state) return;
    this.connection = { state, since: Date.now(), wasOpen: this.connection.wasOpen || state === "open" };
    this.statusListeners.forEach((listener) => listener());
  }

  private requestFlush() {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  private flush() {
    this.scheduled = false;
    const dirty = this.dirty;
    const pending = this.pendingSamples;
    this.dirty = new Set();
    this.pendingSamples = new Map();
    for (const [channelId, samples] of pending) {
      this.streams.get(channelId)?.forEach((listener) => listener(samples));
    }
    this.flushes++;
    // A listener of several changed channels hears once.
    const called = new Set<Listener>();
    for (const channelId of dirty) {
      this.listeners.get(channelId)?.forEach((listener) => called.add(listener));
    }
    called.forEach((listener) => listener());
    this.perf.flushed();
  }

  private addTo<T>(map: Map<number, Set<T>>, channelId: number, listener: T): () => void {
    let set = map.get(channelId);
    if (!set) map.set(channelId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) map.delete(channelId);
    };
  }
}

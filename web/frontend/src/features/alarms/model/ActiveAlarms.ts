import type { ConnectionState } from "../../../lib/live/LiveConnection";
import type { AlarmFeedMessage } from "../../../lib/live/LiveStore";
import { type ActiveAlarm, isUnacknowledged, rank } from "../types";

/** Where the list comes from: the router's live feed, GET /active polling, or neither yet. */
export type FeedMode = "waiting" | "live" | "polling";

export interface AlarmsState {
  /** Most urgent first, then unacknowledged before acknowledged, then newest first. */
  alarms: ActiveAlarm[];
  mode: FeedMode;
  /** The last polling failure, cleared by the next success. */
  error?: unknown;
  /** Whether a list has arrived at all (an empty one counts). */
  loaded: boolean;
}

/** How long to wait for the router's snapshot before polling (a router without alarm messages sends none). */
export const SNAPSHOT_WAIT_MS = 4_000;
export const POLL_EVERY_MS = 10_000;
/**
 * The router pushes transitions only: a definition disabled, deleted or renamed changes the list without a message
 * (docs/API.md "Live alarms"), so while live the list is asked for again this often.
 */
export const RESYNC_EVERY_MS = 5 * 60_000;

/**
 * The active alarms of the tab, one list for the header, the widgets and the alarms page: filled by the router's
 * snapshot and kept current by its transitions; when no snapshot comes (an older router, a lost connection) or the
 * router refuses the subscription, by asking GET /api/v1/alarms/active every 10 s until a snapshot arrives again.
 */
export class ActiveAlarms {
  private readonly byId = new Map<number, ActiveAlarm>();
  private state: AlarmsState = { alarms: [], mode: "waiting", loaded: false };
  private readonly listeners = new Set<() => void>();
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private resyncTimer: ReturnType<typeof setTimeout> | undefined;
  /** Counts polls, so that the answer of one begun before the live feed took over is dropped. */
  private polls = 0;
  private hasList = false;

  constructor(
    private readonly fetchActive: () => Promise<ActiveAlarm[]>,
    /** Sends subscribe-alarms again, which the router answers with the whole list. */
    private readonly resubscribe: () => void = () => undefined,
  ) {}

  get = (): AlarmsState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Begins waiting for the snapshot that answers the subscription. */
  start() {
    this.awaitSnapshot();
  }

  stop() {
    clearTimeout(this.waitTimer);
    clearTimeout(this.resyncTimer);
    this.stopPolling();
  }

  receive(message: AlarmFeedMessage) {
    switch (message.type) {
      case "alarms":
        clearTimeout(this.waitTimer);
        this.stopPolling();
        this.byId.clear();
        message.active.forEach((alarm) => this.byId.set(alarm.definitionId, alarm));
        this.hasList = true;
        this.publish("live");
        clearTimeout(this.resyncTimer);
        this.resyncTimer = setTimeout(() => this.resubscribe(), RESYNC_EVERY_MS);
        break;
      case "alarm":
        // Before the snapshot (or while polling) a transition alone would leave the rest of the list unknown.
        if (this.state.mode !== "live") return;
        this.put(message.event.definitionId, message.active);
        this.publish("live");
        break;
      case "refused":
        clearTimeout(this.waitTimer);
        this.startPolling();
        break;
    }
  }

  /** After the connection opens the router is asked again; while it is lost the list may go stale. */
  connection(state: ConnectionState) {
    if (state === "open" && this.state.mode === "waiting") this.awaitSnapshot();
    if (state === "closed" && this.state.mode === "live") {
      this.publish("waiting");
      this.awaitSnapshot();
    }
  }

  /**
   * The alarm as an acknowledge or shelve answered it. Only needed without the live feed: with it, the router's
   * transition says the same.
   */
  applied(alarm: ActiveAlarm) {
    if (this.state.mode === "live") return;
    this.put(alarm.definitionId, alarm.state === "NORMAL" ? null : alarm);
    this.publish(this.state.mode);
  }

  /** The definition is gone or disabled (an acknowledge or shelve answered 404): its alarm leaves the list. */
  forget(definitionId: number) {
    if (!this.byId.delete(definitionId)) return;
    this.publish(this.state.mode);
  }

  private put(definitionId: number, alarm: ActiveAlarm | null) {
    if (alarm) this.byId.set(definitionId, alarm);
    else this.byId.delete(definitionId);
  }

  private awaitSnapshot() {
    clearTimeout(this.waitTimer);
    this.waitTimer = setTimeout(() => this.startPolling(), SNAPSHOT_WAIT_MS);
  }

  private startPolling() {
    if (this.pollTimer !== undefined) return;
    this.publish("polling");
    void this.poll();
    this.pollTimer = setInterval(() => void this.poll(), POLL_EVERY_MS);
  }

  private stopPolling() {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
    this.polls++;
  }

  private async poll() {
    const poll = ++this.polls;
    try {
      const alarms = await this.fetchActive();
      if (poll !== this.polls || this.state.mode !== "polling") return;
      this.byId.clear();
      alarms.forEach((alarm) => this.byId.set(alarm.definitionId, alarm));
      this.hasList = true;
      this.publish("polling");
    } catch (error) {
      if (poll !== this.polls || this.state.mode !== "polling") return;
      this.state = { ...this.state, error };
      this.listeners.forEach((listener) => listener());
    }
  }

  private publish(mode: FeedMode) {
    const alarms = [...this.byId.values()].sort(urgentFirst);
    this.state = { alarms, mode, loaded: this.hasList };
    this.listeners.forEach((listener) => listener());
  }
}

function urgentFirst(a: ActiveAlarm, b: ActiveAlarm): number {
  return (
    rank(b.priority) - rank(a.priority) ||
    Number(isUnacknowledged(b)) - Number(isUnacknowledged(a)) ||
    (b.activatedAt ?? "").localeCompare(a.activatedAt ?? "")
  );
}

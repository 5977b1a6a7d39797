import {
  type AlarmMessage,
  CLOSE,
  type ClientMessage,
  FINAL_CLOSES,
  type ServerMessage,
  statusChannels,
  SUBPROTOCOL,
  timeOf,
  type WireSample,
} from "./protocol";

export type ConnectionState = "connecting" | "open" | "closed";

export interface LiveConnectionOptions {
  url: string;
  getToken: () => Promise<string>;
  /** Channel ids to (re)subscribe, asked for after every welcome. */
  channels: () => number[];
  onSamples: (samples: WireSample[], receivedAt: number) => void;
  onStatus: (channelId: number, status: string) => void;
  onState: (state: ConnectionState) => void;
  /** Whether to (re)subscribe to the alarms after every welcome. */
  alarms?: () => boolean;
  /** The alarm snapshot and transitions; "refused" when the router answered the alarm subscription with an error. */
  onAlarms?: (message: AlarmMessage | { type: "refused"; code: string }) => void;
  onError?: (error: { code: string; message: string }) => void;
  maxRate?: number;
  createSocket?: (url: string, protocols: string[]) => WebSocket;
}

const MIN_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;
const PING_EVERY_MS = 25_000;
const SILENCE_LIMIT_MS = 60_000;
/**
 * The backoff starts again from its minimum only after a connection stayed open this long: a router that closes
 * every session right after its subscribe (e.g. as slow consumer) then sees a reconnect every 30 s, not every 0.5 s.
 */
const STABLE_AFTER_MS = 10_000;
/** Ids per subscribe message: keeps each frame far below the router's message limit. */
const IDS_PER_MESSAGE = 2_000;

/**
 * One WebSocket to the data-router per tab, shared by all widgets. Behaves as docs/API.md "Reconnecting" and the
 * reference client parx-live.js: reconnect with jittered exponential backoff, resubscribe after welcome (the
 * snapshots refill the display), fresh token on auth-required and after 4401, ping every 25 s and reconnect after
 * 60 s of silence, and per channel drop samples older than the one already delivered.
 */
export class LiveConnection {
  private socket: WebSocket | null = null;
  private backoff = MIN_BACKOFF_MS;
  private closedByUser = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lastMessageAt = 0;
  private openedAt = 0;
  private requests = 0;
  private readonly newest = new Map<number, number>();
  /** The id of the last subscribe-alarms, to tell its error (an older router's BAD_MESSAGE) from others. */
  private alarmRequest: string | undefined;

  constructor(private readonly options: LiveConnectionOptions) {}

  start() {
    this.closedByUser = false;
    void this.connect();
  }

  subscribe(channelIds: number[]) {
    for (let i = 0; i < channelIds.length; i += IDS_PER_MESSAGE) {
      this.send({
        type: "subscribe",
        id: this.nextId(),
        channelIds: channelIds.slice(i, i + IDS_PER_MESSAGE),
        maxRate: this.options.maxRate,
      });
    }
  }

  unsubscribe(channelIds: number[]) {
    channelIds.forEach((id) => this.newest.delete(id));
    for (let i = 0; i < channelIds.length; i += IDS_PER_MESSAGE) {
      this.send({ type: "unsubscribe", id: this.nextId(), channelIds: channelIds.slice(i, i + IDS_PER_MESSAGE) });
    }
  }

  subscribeAlarms() {
    this.alarmRequest = this.nextId();
    this.send({ type: "subscribe-alarms", id: this.alarmRequest });
  }

  unsubscribeAlarms() {
    this.alarmRequest = undefined;
    this.send({ type: "unsubscribe-alarms", id: this.nextId() });
  }

  close() {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    this.stopHeartbeat();
    this.socket?.close(CLOSE.normal, "bye");
    this.socket = null;
  }

  private async connect() {
    if (this.closedByUser) return;
    this.options.onState("connecting");
    let token: string;
    try {
      token = await this.options.getToken();
    } catch (error) {
      this.options.onError?.({ code: "TOKEN_UNAVAILABLE", message: String(error) });
      this.scheduleReconnect();
      return;
    }
    if (this.closedByUser) return;
    // The token travels as a subprotocol, never in the URL, so that it stays out of access logs.
    const create = this.options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
    const socket = create(this.options.url, [SUBPROTOCOL, `bearer.${token}`]);
    this.socket = socket;
    socket.onmessage = (event) => this.handle(JSON.parse(event.data as string) as ServerMessage);
    socket.onclose = (event) => this.closed(socket, event.code);
    socket.onerror = () => undefined; // onclose follows and decides
  }

  private handle(message: ServerMessage) {
    const receivedAt = performance.now();
    this.lastMessageAt = Date.now();
    switch (message.type) {
      case "welcome":
        this.openedAt = Date.now();
        this.options.onState("open");
        this.startHeartbeat();
        this.subscribe(this.options.channels());
        if (this.options.alarms?.()) this.subscribeAlarms();
        break;
      case "snapshot":
      case "update": {
        const fresh = message.samples.filter((sample) => this.isNewer(sample));
        if (fresh.length > 0) this.options.onSamples(fresh, receivedAt);
        break;
      }
      case "status":
        for (const channelId of statusChannels(message)) {
          if (message.status === "deleted") this.newest.delete(channelId);
          this.options.onStatus(channelId, message.status);
        }
        break;
      case "auth-required":
        void this.sendFreshToken();
        break;
      case "alarms":
      case "alarm":
        this.options.onAlarms?.(message);
        break;
      case "error":
        if (message.id !== undefined && message.id === this.alarmRequest) {
          this.options.onAlarms?.({ type: "refused", code: message.code });
        }
        this.options.onError?.(message);
        break;
      default: // subscribed, unsubscribed, alarms-unsubscribed, pong, authenticated, and types of newer routers
    }
  }

  /** Snapshot and updates may overlap: per channel only a sample at least as new as the last one passes. */
  private isNewer(sample: WireSample): boolean {
    const time = timeOf(sample.time);
    const shown = this.newest.get(sample.channelId);
    if (shown !== undefined && time < shown) return false;
    this.newest.set(sample.channelId, time);
    return true;
  }

  private async sendFreshToken() {
    try {
      this.send({ type: "auth", id: this.nextId(), token: await this.options.getToken() });
    } catch (error) {
      this.options.onError?.({ code: "TOKEN_UNAVAILABLE", message: String(error) });
    }
  }

  private closed(socket: WebSocket, code: number) {
    if (socket !== this.socket) return;
    this.socket = null;
    this.stopHeartbeat();
    this.options.onState("closed");
    if (this.closedByUser || code === CLOSE.normal) return;
    if (FINAL_CLOSES.has(code)) {
      this.options.onError?.({
        code: "CLOSED",
        message: `the router closed the connection with ${code}; not retrying`,
      });
      return;
    }
    if (this.openedAt > 0 && Date.now() - this.openedAt >= STABLE_AFTER_MS) this.backoff = MIN_BACKOFF_MS;
    this.openedAt = 0;
    if (code === CLOSE.tokenExpired) this.backoff = MIN_BACKOFF_MS; // connect() asks getToken() for a fresh one
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    clearTimeout(this.reconnectTimer);
    const jitter = 0.8 + Math.random() * 0.4; // ±20 %: a thousand tabs do not reconnect in the same millisecond
    const delay = Math.round(this.backoff * jitter);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
  }

  private startHeartbeat() {
    this.stopHeartbeat();
    this.lastMessageAt = Date.now();
    this.heartbeat = setInterval(() => {
      const socket = this.socket;
      if (!socket) return;
      if (Date.now() - this.lastMessageAt > SILENCE_LIMIT_MS) {
        // A half-open connection that would otherwise go unnoticed: drop it and reconnect.
        this.closed(socket, 1006);
        socket.close(4000, "silent");
        return;
      }
      this.send({ type: "ping" });
    }, PING_EVERY_MS);
  }

  private stopHeartbeat() {
    clearInterval(this.heartbeat);
  }

  private send(message: ClientMessage) {
    // When not open the message is not lost: subscriptions are sent again after the next welcome.
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private nextId(): string {
    this.requests += 1;
    return String(this.requests);
  }
}

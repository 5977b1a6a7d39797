/*
 * ParX live data client: the reference implementation of the data-router's WebSocket protocol
 * (docs/API.md, "Live data WebSocket (data-router)"). No dependencies, no build step.
 *
 *   const live = new ParxLive({
 *     url: "wss://plant.example/ws",                // the router's /ws endpoint
 *     getToken: async () => auth.accessToken(),     // a valid (refreshed) access token
 *     onSamples: (samples, kind) => render(samples), // kind: "snapshot" | "update"
 *     onStatus: (channelId, status) => mark(channelId, status),
 *     onError: (error) => console.warn(error),
 *     onConnection: (state) => banner(state),      // "connecting" | "open" | "closed"
 *     onAlarms: (active, event) => list(active),   // the active alarms; event: the transition, null for a snapshot
 *   });
 *   live.subscribe({ channelIds: [42, 43], maxRate: 10 });
 *   live.subscribe({ tags: ["boiler"] });
 *   live.unsubscribe({ channelIds: [43] });
 *   live.subscribeAlarms();
 *   live.unsubscribeAlarms();
 *   live.close();
 *
 * The client owns its subscriptions (the alarm subscription too): after any reconnect (router restart, network loss, slow-consumer close,
 * expired token) it sends them again and the snapshots refill the display. A close for a reason reconnecting cannot
 * cure (policy violation, message too big, a refused handshake behind the gateway) ends it with onError
 * {code: "CLOSED"} instead.
 */
(function (global) {
  "use strict";

  const NORMAL_CLOSURE = 1000;
  const TOKEN_EXPIRED = 4401;
  const MIN_BACKOFF_MS = 500;
  const MAX_BACKOFF_MS = 30000;
  const PING_EVERY_MS = 25000;
  const SILENCE_LIMIT_MS = 60000;
  // The backoff starts over only after a connection stayed open this long, so that a router closing every session
  // right after the resubscribe sees growing delays instead of a reconnect every half second.
  const STABLE_AFTER_MS = 10000;
  // RFC 6455 §7.4.1 unsupported data, invalid payload, policy violation, message too big, missing extension; the
  // gateway's 4400 and 4403 for a refused handshake.
  const FINAL_CLOSES = new Set([1003, 1007, 1008, 1009, 1010, 4400, 4403]);
  // Ids per subscribe message, well below the router's message limit.
  const IDS_PER_MESSAGE = 2000;

  class ParxLive {
    constructor(options) {
      this.url = options.url;
      this.getToken = options.getToken;
      this.onSamples = options.onSamples || (() => {});
      this.onStatus = options.onStatus || (() => {});
      this.onError = options.onError || (() => {});
      this.onConnection = options.onConnection || (() => {});
      this.onAlarms = options.onAlarms || (() => {});
      this.alarmsWanted = false;
      this.alarms = new Map(); // definitionId -> active alarm
      this.subscriptions = new Map(); // key -> subscribe request (without id)
      this.latest = new Map(); // channelId -> newest time seen (ms since epoch, with microsecond fraction)
      this.backoff = MIN_BACKOFF_MS;
      this.openedAt = 0;
      this.closedByUser = false;
      this.requestCounter = 0;
      this.connect();
    }

    subscribe(request) {
      const key = JSON.stringify([request.channelIds || [], request.tags || [], request.maxRate || 0]);
      const message = { type: "subscribe", channelIds: request.channelIds, tags: request.tags, maxRate: request.maxRate };
      this.subscriptions.set(key, message);
      this.sendSubscribe(message);
    }

    sendSubscribe(message) {
      const ids = message.channelIds || [];
      if (ids.length <= IDS_PER_MESSAGE) {
        this.send({ ...message, id: this.nextId() });
        return;
      }
      for (let i = 0; i < ids.length; i += IDS_PER_MESSAGE) {
        const part = { ...message, channelIds: ids.slice(i, i + IDS_PER_MESSAGE), id: this.nextId() };
        if (i > 0) {
          delete part.tags; // tags go with the first part only
        }
        this.send(part);
      }
    }

    unsubscribe(request) {
      const ids = new Set(request.channelIds || []);
      const tags = new Set(request.tags || []);
      for (const [key, message] of this.subscriptions) {
        const channelIds = (message.channelIds || []).filter((id) => !ids.has(id));
        const remainingTags = (message.tags || []).filter((tag) => !tags.has(tag));
        if (channelIds.length === 0 && remainingTags.length === 0) {
          this.subscriptions.delete(key);
        } else {
          this.subscriptions.set(key, { ...message, channelIds, tags: remainingTags });
        }
      }
      ids.forEach((id) => this.latest.delete(id));
      this.send({ type: "unsubscribe", channelIds: request.channelIds, tags: request.tags, id: this.nextId() });
    }

    subscribeAlarms() {
      this.alarmsWanted = true;
      this.send({ type: "subscribe-alarms", id: this.nextId() });
    }

    unsubscribeAlarms() {
      this.alarmsWanted = false;
      this.alarms.clear();
      this.send({ type: "unsubscribe-alarms", id: this.nextId() });
    }

    /** The active alarms, most urgent and newest first, as the router's snapshot orders them. */
    activeAlarms() {
      const rank = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };
      const time = (alarm) => (alarm.activatedAt ? Date.parse(alarm.activatedAt) : -Infinity);
      return [...this.alarms.values()].sort(
        (a, b) => rank[b.priority] - rank[a.priority] || time(b) - time(a) || a.definitionId - b.definitionId,
      );
    }

    close() {
      this.closedByUser = true;
      clearTimeout(this.reconnectTimer);
      this.stopHeartbeat();
      if (this.socket) {
        this.socket.close(NORMAL_CLOSURE, "bye");
      }
    }

    async connect() {
      if (this.closedByUser) {
        return;
      }
      this.onConnection("connecting");
      let token;
      try {
        token = await this.getToken();
      } catch (error) {
        this.onError({ code: "TOKEN_UNAVAILABLE", message: String(error) });
        this.scheduleReconnect();
        return;
      }
      // The token travels as a subprotocol, not in the URL, so that it stays out of access logs.
      const socket = new WebSocket(this.url, ["parx.v1", "bearer." + token]);
      this.socket = socket;
      socket.onmessage = (event) => this.handle(JSON.parse(event.data));
      socket.onclose = (event) => this.closed(socket, event);
      socket.onerror = () => {}; // onclose follows and decides
    }

    handle(message) {
      this.lastMessageAt = Date.now();
      switch (message.type) {
        case "welcome":
          this.openedAt = Date.now();
          this.onConnection("open");
          this.startHeartbeat();
          for (const request of this.subscriptions.values()) {
            this.sendSubscribe(request);
          }
          if (this.alarmsWanted) {
            this.send({ type: "subscribe-alarms", id: this.nextId() });
          }
          break;
        case "alarms":
          // the whole list: it replaces what was shown before a reconnect
          this.alarms = new Map(message.active.map((alarm) => [alarm.definitionId, alarm]));
          this.onAlarms(this.activeAlarms(), null);
          break;
        case "alarm":
          // replaces or removes by definition id, so a transition that the snapshot already showed is harmless
          if (message.active) {
            this.alarms.set(message.active.definitionId, message.active);
          } else {
            this.alarms.delete(message.event.definitionId);
          }
          this.onAlarms(this.activeAlarms(), message.event);
          break;
        case "snapshot":
        case "update": {
          const fresh = message.samples.filter((sample) => this.isNewer(sample));
          if (fresh.length > 0) {
            this.onSamples(fresh, message.type);
          }
          break;
        }
        case "status": {
          // one channel, or several (the disabled channels of a subscribe)
          const ids = message.channelIds || [message.channelId];
          for (const channelId of ids) {
            if (message.status === "deleted") {
              this.latest.delete(channelId);
            }
            this.onStatus(channelId, message.status);
          }
          break;
        }
        case "auth-required":
          this.refreshToken();
          break;
        case "error":
          this.onError(message);
          break;
        default: // subscribed, unsubscribed, alarms-unsubscribed, pong, authenticated: nothing to do
      }
    }

    /** Snapshot and updates may overlap: per channel, only a newer sample replaces the shown one. */
    isNewer(sample) {
      const time = ParxLive.timeOf(sample.time);
      const shown = this.latest.get(sample.channelId);
      if (shown !== undefined && time < shown) {
        return false;
      }
      this.latest.set(sample.channelId, time);
      return true;
    }

    static timeOf(iso) {
      // Date.parse keeps milliseconds only; the microseconds decide between samples of the same millisecond.
      const match = /\.(\d+)Z$/.exec(iso);
      const micros = match ? Number((match[1] + "000000").substring(3, 6)) / 1000 : 0;
      return Date.parse(iso) + micros;
    }

    async refreshToken() {
      try {
        const token = await this.getToken();
        this.send({ type: "auth", token, id: this.nextId() });
      } catch (error) {
        this.onError({ code: "TOKEN_UNAVAILABLE", message: String(error) });
      }
    }

    closed(socket, event) {
      if (socket !== this.socket) {
        return;
      }
      this.stopHeartbeat();
      this.onConnection("closed", event.code);
      if (this.closedByUser || event.code === NORMAL_CLOSURE) {
        return;
      }
      if (FINAL_CLOSES.has(event.code)) {
        this.onError({ code: "CLOSED", message: "the router closed the connection with " + event.code + "; not retrying" });
        return;
      }
      if (this.openedAt > 0 && Date.now() - this.openedAt >= STABLE_AFTER_MS) {
        this.backoff = MIN_BACKOFF_MS;
      }
      this.openedAt = 0;
      if (event.code === TOKEN_EXPIRED) {
        this.backoff = MIN_BACKOFF_MS; // getToken() in connect() brings a fresh token
      }
      this.scheduleReconnect();
    }

    scheduleReconnect() {
      const jitter = 0.8 + Math.random() * 0.4;
      const delay = Math.round(this.backoff * jitter);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      this.reconnectTimer = setTimeout(() => this.connect(), delay);
    }

    startHeartbeat() {
      this.stopHeartbeat();
      this.lastMessageAt = Date.now();
      this.heartbeat = setInterval(() => {
        if (Date.now() - this.lastMessageAt > SILENCE_LIMIT_MS) {
          // A half-open connection: close it ourselves, onclose reconnects.
          this.socket.close(4000, "silent");
          this.closed(this.socket, { code: 1006 });
          this.socket = null;
          return;
        }
        this.send({ type: "ping" });
      }, PING_EVERY_MS);
    }

    stopHeartbeat() {
      clearInterval(this.heartbeat);
    }

    send(message) {
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify(message));
      }
      // Otherwise the message is not lost: subscriptions are replayed after the next welcome.
    }

    nextId() {
      this.requestCounter += 1;
      return String(this.requestCounter);
    }
  }

  global.ParxLive = ParxLive;
  if (typeof module !== "undefined" && module.exports) {
    module.exports = ParxLive;
  }
})(typeof window !== "undefined" ? window : globalThis);

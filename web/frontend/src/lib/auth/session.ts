// The signed-in session: the access token (15 minutes) and the rotating refresh token from the admin-api
// (docs/API.md "Authentication"). Kept in localStorage so that every tab of the browser shares one session: a
// refresh token is spent by its first use and a second use revokes the whole sign-in, so two tabs must never
// refresh with the same token. A Web Lock serialises refreshes across tabs and each tab re-reads the storage inside
// the lock, taking the pair another tab has just fetched instead of spending the old one again.

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, in ms since the epoch (client clock, from `expiresIn`). */
  expiresAt: number;
}

export type SignOutReason = "signed-out" | "expired";

export class SignedOutError extends Error {
  constructor() {
    super("not signed in");
    this.name = "SignedOutError";
  }
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const STORAGE_KEY = "parx.session";
const LOCK_NAME = "parx.session.refresh";
/** Refresh this long before expiry, so that requests and the live connection never carry an expiring token. */
export const REFRESH_AHEAD_MS = 60_000;
/** After a refresh failed because the server was away. */
const RETRY_MS = 5_000;

type Listener = (session: Session | null, reason?: SignOutReason) => void;

export interface SessionDeps {
  storage: Storage;
  fetch: typeof fetch;
  locks?: LockManager;
  now: () => number;
}

export class SessionStore {
  private readonly listeners = new Set<Listener>();
  private inFlight: Promise<Session> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly deps: SessionDeps;

  constructor(deps: Partial<SessionDeps> = {}) {
    this.deps = {
      storage: deps.storage ?? window.localStorage,
      fetch: deps.fetch ?? ((...args) => window.fetch(...args)),
      locks: deps.locks ?? (typeof navigator !== "undefined" ? navigator.locks : undefined),
      now: deps.now ?? Date.now,
    };
    if (typeof window !== "undefined") {
      // Another tab signed in, refreshed or signed out.
      window.addEventListener("storage", (event) => {
        if (event.key === STORAGE_KEY || event.key === null) {
          const session = this.current();
          this.schedule(session);
          this.emit(session, session ? undefined : "signed-out");
        }
      });
    }
    this.schedule(this.current());
  }

  current(): Session | null {
    const raw = this.deps.storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      const session = JSON.parse(raw) as Session;
      return session.accessToken && session.refreshToken ? session : null;
    } catch {
      return null;
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Signs in; a wrong password or a throttled sign-in rejects with the server's answer (see signIn callers). */
  async signIn(username: string, password: string): Promise<Response> {
    const response = await this.deps.fetch("/api/v1/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (response.ok) {
      this.store(this.fromPair((await response.json()) as TokenPair));
    }
    return response;
  }

  /** A valid access token, refreshed first when it expires within {@link REFRESH_AHEAD_MS}. */
  async accessToken(): Promise<string> {
    const session = this.current();
    if (!session) throw new SignedOutError();
    if (session.expiresAt - this.deps.now() > REFRESH_AHEAD_MS) return session.accessToken;
    return (await this.refresh(session.accessToken)).accessToken;
  }

  /**
   * Gets a fresh pair, once at a time in this tab and across tabs. {@code stale} is the access token the caller
   * found wanting: a stored token other than that one, still valid, was fetched by another caller meanwhile.
   */
  refresh(stale?: string): Promise<Session> {
    if (!this.inFlight) {
      const run = () => this.refreshLocked(stale);
      // request() resolves with the callback's promise's value; its DOM typing nests the promise.
      const locked: Promise<Session> = this.deps.locks
        ? this.deps.locks.request(LOCK_NAME, run).then((session) => session)
        : run();
      this.inFlight = locked.finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async refreshLocked(stale?: string): Promise<Session> {
    const session = this.current();
    if (!session) throw new SignedOutError();
    const fresh = session.expiresAt - this.deps.now() > REFRESH_AHEAD_MS;
    if (fresh && session.accessToken !== stale) return session;
    const response = await this.deps.fetch("/api/v1/auth/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    });
    if (response.status === 401 || response.status === 400) {
      this.clear("expired");
      throw new SignedOutError();
    }
    if (!response.ok) {
      // The admin-api or the gateway is away: keep the session, the caller retries later.
      throw new Error(`token refresh failed with status ${response.status}`);
    }
    const next = this.fromPair((await response.json()) as TokenPair);
    this.store(next);
    return next;
  }

  async signOut(): Promise<void> {
    const session = this.current();
    this.clear("signed-out");
    if (session) {
      // Revokes the refresh token's family; the access token simply expires.
      await this.deps
        .fetch("/api/v1/auth/logout", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ refreshToken: session.refreshToken }),
        })
        .catch(() => undefined);
    }
  }

  /** Drops the session because the server no longer accepts it (a 401 that a refresh did not cure). */
  expire(): void {
    this.clear("expired");
  }

  private fromPair(pair: TokenPair): Session {
    return {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      expiresAt: this.deps.now() + pair.expiresIn * 1000,
    };
  }

  private store(session: Session) {
    this.deps.storage.setItem(STORAGE_KEY, JSON.stringify(session));
    this.schedule(session);
    this.emit(session);
  }

  private clear(reason: SignOutReason) {
    const had = this.current() !== null;
    this.deps.storage.removeItem(STORAGE_KEY);
    this.schedule(null);
    if (had) this.emit(null, reason);
  }

  /** Refreshes ahead of expiry even when nothing asks for a token (the live connection needs one at any time). */
  private schedule(session: Session | null) {
    clearTimeout(this.timer);
    if (!session) return;
    const due = Math.max(session.expiresAt - REFRESH_AHEAD_MS - this.deps.now(), 1000);
    this.timer = setTimeout(() => {
      this.refresh().catch(() => {
        const current = this.current();
        if (current) this.timer = setTimeout(() => this.schedule(current), RETRY_MS);
      });
    }, due);
  }

  private emit(session: Session | null, reason?: SignOutReason) {
    this.listeners.forEach((listener) => listener(session, reason));
  }
}

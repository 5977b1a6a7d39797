import { beforeEach, describe, expect, it, vi } from "vitest";
import { SessionStore, SignedOutError } from "./session";

const NOW = 1_700_000_000_000;

function pair(access: string, refresh: string, expiresIn = 900) {
  return new Response(JSON.stringify({ accessToken: access, refreshToken: refresh, expiresIn, tokenType: "Bearer" }), {
    status: 200,
    headers: { "Content-Type": "application/json" },
  });
}

/** A lock manager that runs one holder at a time, as the browser's Web Locks do across tabs. */
function fakeLocks(): LockManager {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request: (_name: string, callback: (lock: Lock | null) => unknown) => {
      const run = tail.then(() => callback(null));
      tail = run.catch(() => undefined);
      return run;
    },
  } as unknown as LockManager;
}

function store(fetch: typeof globalThis.fetch, storage: Storage = localStorage, now = () => NOW) {
  return new SessionStore({ storage, fetch, locks: fakeLocks(), now });
}

function signedIn(access = "a1", refresh = "r1", expiresAt = NOW + 900_000) {
  localStorage.setItem("parx.session", JSON.stringify({ accessToken: access, refreshToken: refresh, expiresAt }));
}

describe("SessionStore", () => {
  beforeEach(() => localStorage.clear());

  it("answers with the stored token while it is fresh, without asking the server", async () => {
    signedIn();
    const fetch = vi.fn();
    expect(await store(fetch).accessToken()).toBe("a1");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refreshes an expiring token once for many concurrent callers (a refresh token is spent by its first use)", async () => {
    signedIn("a1", "r1", NOW + 30_000);
    const fetch = vi.fn(async () => pair("a2", "r2"));
    const sessions = store(fetch);
    const tokens = await Promise.all([sessions.accessToken(), sessions.accessToken(), sessions.accessToken()]);
    expect(tokens).toEqual(["a2", "a2", "a2"]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ refreshToken: "r1" });
    expect(sessions.current()?.refreshToken).toBe("r2");
  });

  it("takes the pair another tab refreshed meanwhile instead of spending the old refresh token again", async () => {
    signedIn("a1", "r1", NOW + 30_000);
    const fetch = vi.fn(async () => pair("never", "never"));
    const sessions = store(fetch);
    // The other tab stored a fresh pair after this one read "a1".
    signedIn("a2", "r2", NOW + 900_000);
    const session = await sessions.refresh("a1");
    expect(session.accessToken).toBe("a2");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("ends the session when the server refuses the refresh token, and says it expired", async () => {
    signedIn("a1", "r1", NOW + 30_000);
    const sessions = store(vi.fn(async () => new Response("{}", { status: 401 })));
    const ended = vi.fn();
    sessions.subscribe(ended);
    await expect(sessions.accessToken()).rejects.toBeInstanceOf(SignedOutError);
    expect(sessions.current()).toBeNull();
    expect(ended).toHaveBeenCalledWith(null, "expired");
  });

  it("keeps the session when the server cannot be reached, so a later attempt can succeed", async () => {
    signedIn("a1", "r1", NOW + 30_000);
    const sessions = store(vi.fn(async () => new Response("", { status: 503 })));
    await expect(sessions.refresh("a1")).rejects.toThrow("503");
    expect(sessions.current()?.refreshToken).toBe("r1");
  });

  it("stores the pair of a sign-in and computes the expiry from expiresIn", async () => {
    const sessions = store(vi.fn(async () => pair("a1", "r1", 900)));
    const response = await sessions.signIn("alice", "secret-password");
    expect(response.ok).toBe(true);
    expect(sessions.current()).toEqual({ accessToken: "a1", refreshToken: "r1", expiresAt: NOW + 900_000 });
  });

  it("revokes the refresh token at sign-out and forgets the session at once", async () => {
    signedIn();
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    const sessions = store(fetch);
    await sessions.signOut();
    expect(sessions.current()).toBeNull();
    expect(fetch).toHaveBeenCalledWith("/api/v1/auth/logout", expect.objectContaining({ method: "POST" }));
  });
});

import { describe, expect, it } from "vitest";
import { LatestRequest } from "./LatestRequest";

/** A request that answers when told to, and remembers its signal. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  let signal!: AbortSignal;
  const start = (s: AbortSignal) => {
    signal = s;
    return new Promise<T>((ok, fail) => {
      resolve = ok;
      reject = fail;
      s.addEventListener("abort", () => fail(new DOMException("aborted", "AbortError")));
    });
  };
  return { start, resolve: (v: T) => resolve(v), reject: (e: unknown) => reject(e), signal: () => signal };
}

describe("LatestRequest", () => {
  it("aborts the request a new view replaces and answers only the new one", async () => {
    const requests = new LatestRequest();
    const first = deferred<string>();
    const second = deferred<string>();
    const firstAnswer = requests.run(first.start);
    const secondAnswer = requests.run(second.start);
    expect(first.signal().aborted).toBe(true);
    expect(second.signal().aborted).toBe(false);
    second.resolve("ten minutes");
    expect(await firstAnswer).toBeUndefined();
    expect(await secondAnswer).toBe("ten minutes");
    expect(requests.pending).toBe(false);
  });

  it("drops an answer that arrives after it was replaced even when the server ignored the abort", async () => {
    const requests = new LatestRequest();
    let finish!: (v: string) => void;
    const stubborn = requests.run(() => new Promise<string>((ok) => (finish = ok)));
    const newer = requests.run(async () => "new");
    finish("old");
    expect(await stubborn).toBeUndefined();
    expect(await newer).toBe("new");
  });

  it("passes on the failure of the current request", async () => {
    const requests = new LatestRequest();
    const failing = deferred<string>();
    const answer = requests.run(failing.start);
    failing.reject(new Error("413"));
    await expect(answer).rejects.toThrow("413");
  });

  it("cancels what is in flight when the page closes", async () => {
    const requests = new LatestRequest();
    const open = deferred<string>();
    const answer = requests.run(open.start);
    requests.cancel();
    expect(open.signal().aborted).toBe(true);
    expect(await answer).toBeUndefined();
  });
});

/**
 * Runs one request at a time for a view: starting a new one aborts the one it replaces (its fetch is cancelled in
 * the browser, so a fast series of zoom steps does not queue work on the server), and the answer of a replaced
 * request never reaches the page even when it was already on its way.
 */
export class LatestRequest {
  private controller: AbortController | null = null;
  private generation = 0;

  /** Starts `request`; resolves with its answer, or with `undefined` when a newer request replaced it. */
  async run<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    try {
      const answer = await request(controller.signal);
      return generation === this.generation ? answer : undefined;
    } catch (error) {
      if (generation !== this.generation || controller.signal.aborted) return undefined;
      throw error;
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Aborts the request in flight (the page closes). */
  cancel() {
    this.controller?.abort();
    this.controller = null;
    this.generation++;
  }

  get pending(): boolean {
    return this.controller !== null;
  }
}

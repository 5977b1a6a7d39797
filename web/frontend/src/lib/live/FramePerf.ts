// Measures, in the page, how long a WebSocket frame waits until the screen shows it: from the frame's arrival to
// the first moment after the paint that follows the animation-frame flush (a message posted from the rAF callback
// runs after that frame's rendering). The benchmark (bench module, DashboardRenderBench) reads it through
// window.parxPerf; keeping it always on costs one number per frame.

const CAPACITY = 100_000;

export class FramePerf {
  private readonly latencies = new Float64Array(CAPACITY);
  private count = 0;
  private waiting: number[] = [];
  private readonly channel = typeof MessageChannel !== "undefined" ? new MessageChannel() : null;
  private painting: number[] | null = null;

  constructor() {
    if (this.channel) {
      this.channel.port1.onmessage = () => this.painted();
    }
  }

  received(at: number) {
    this.waiting.push(at);
  }

  /** Called at the end of the rAF flush: the frames received so far are painted in this frame. */
  flushed() {
    if (!this.channel || this.waiting.length === 0) {
      this.waiting = [];
      return;
    }
    this.painting = (this.painting ?? []).concat(this.waiting);
    this.waiting = [];
    this.channel.port2.postMessage(0);
  }

  private painted() {
    const now = performance.now();
    for (const at of this.painting ?? []) {
      this.latencies[this.count % CAPACITY] = now - at;
      this.count += 1;
    }
    this.painting = null;
  }

  /** The frame-to-paint latencies (ms) since the last reset, at most the last {@link CAPACITY}. */
  snapshot(): number[] {
    const n = Math.min(this.count, CAPACITY);
    return Array.from(this.latencies.subarray(0, n));
  }

  reset() {
    this.count = 0;
  }
}

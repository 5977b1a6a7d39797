// Measures in the page how long a view change takes to reach the screen: the benchmark (bench module,
// TrendZoomBench) notes the time of its gesture, then waits for the answer to the query that gesture caused and for
// the paint after the chart drew it (a message posted from an animation frame runs after that frame's paint, as in
// lib/live/FramePerf). Read through window.parxTrendPerf; keeping it always on costs three numbers per view.

export class ViewPerf {
  /** Answers of history queries so far. */
  answers = 0;
  answeredAt = 0;
  drawnAt = 0;
  paintedAt = 0;
  private readonly channel = typeof MessageChannel !== "undefined" ? new MessageChannel() : null;

  constructor() {
    if (this.channel) this.channel.port1.onmessage = () => (this.paintedAt = performance.now());
  }

  answered() {
    this.answers += 1;
    this.answeredAt = performance.now();
  }

  drawn() {
    this.drawnAt = performance.now();
    const channel = this.channel;
    if (channel) requestAnimationFrame(() => channel.port2.postMessage(0));
  }
}

export const viewPerf = new ViewPerf();

if (typeof window !== "undefined") (window as unknown as { parxTrendPerf?: ViewPerf }).parxTrendPerf = viewPerf;

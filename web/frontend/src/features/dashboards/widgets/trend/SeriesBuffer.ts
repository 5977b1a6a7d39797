/**
 * One trend series in uPlot's terms: times in seconds (ascending) and values, null where the reading failed so that
 * the line shows a gap. Filled from history, then extended by live samples; older points leave the window, and a
 * series that grows past a few points per pixel is thinned to the minimum and maximum per pixel, so that an hour of
 * 10 Hz samples costs what the screen can show.
 */
export class SeriesBuffer {
  xs: number[] = [];
  ys: (number | null)[] = [];

  /** Replaces what the history covers; live points newer than the history's end are kept. */
  setHistory(xs: number[], ys: (number | null)[]) {
    const end = xs.length > 0 ? xs[xs.length - 1] : -Infinity;
    const keepFrom = this.xs.findIndex((x) => x > end);
    const liveXs = keepFrom < 0 ? [] : this.xs.slice(keepFrom);
    const liveYs = keepFrom < 0 ? [] : this.ys.slice(keepFrom);
    this.xs = xs.concat(liveXs);
    this.ys = ys.concat(liveYs);
  }

  /** Appends a live point; one older than the last point is dropped (the connection delivers newest-wins). */
  append(x: number, y: number | null) {
    const last = this.xs.length - 1;
    if (last >= 0 && x < this.xs[last]) return;
    if (last >= 0 && x === this.xs[last]) {
      this.ys[last] = y;
      return;
    }
    this.xs.push(x);
    this.ys.push(y);
  }

  /** Drops points before the window, keeping the last one before it so that the line enters from the left edge. */
  trim(minX: number) {
    let cut = 0;
    while (cut + 1 < this.xs.length && this.xs[cut + 1] < minX) cut++;
    if (cut > 0) {
      this.xs.splice(0, cut);
      this.ys.splice(0, cut);
    }
  }

  /** Thins to the minimum and maximum of each bucket when there are more than `limit` points. */
  compact(limit: number, bucketSeconds: number) {
    if (this.xs.length <= limit || bucketSeconds <= 0) return;
    const xs: number[] = [];
    const ys: (number | null)[] = [];
    let i = 0;
    const n = this.xs.length;
    while (i < n) {
      const bucket = Math.floor(this.xs[i] / bucketSeconds);
      let minI = -1;
      let maxI = -1;
      let gapI = -1;
      let j = i;
      for (; j < n && Math.floor(this.xs[j] / bucketSeconds) === bucket; j++) {
        const y = this.ys[j];
        if (y === null || Number.isNaN(y)) {
          if (gapI < 0) gapI = j;
          continue;
        }
        if (minI < 0 || y < (this.ys[minI] as number)) minI = j;
        if (maxI < 0 || y > (this.ys[maxI] as number)) maxI = j;
      }
      const keep = [minI, maxI, gapI].filter((k) => k >= 0).sort((a, b) => a - b);
      for (const k of new Set(keep)) {
        xs.push(this.xs[k]);
        ys.push(this.ys[k]);
      }
      // Keep the bucket's last point too: it is where the line continues from.
      if (j - 1 > (keep[keep.length - 1] ?? -1)) {
        xs.push(this.xs[j - 1]);
        ys.push(this.ys[j - 1]);
      }
      i = j;
    }
    this.xs = xs;
    this.ys = ys;
  }
}

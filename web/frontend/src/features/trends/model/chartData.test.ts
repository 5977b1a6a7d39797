import { describe, expect, it } from "vitest";
import { fromBuckets, fromColumns, fromRaw, join, pointAtOrBefore, withTimeGaps } from "./chartData";

const t = (s: number) => new Date(Date.UTC(2026, 11, 4, 10, 0, s)).toISOString();
const x = (s: number) => Date.UTC(2026, 11, 4, 10, 0, s) / 1000;

describe("chart data", () => {
  it("draws bad samples as gaps and keeps every point's quality", () => {
    const series = fromRaw([
      { time: t(0), value: 1, quality: 0 },
      { time: t(1), value: null, quality: 0x808a0000 },
      { time: t(2), value: 3, quality: 0x40900000 },
      { time: t(3), value: true, quality: 0 },
    ]);
    expect(series.ys).toEqual([1, null, 3, 1]);
    expect(series.qualities).toEqual([0, 0x808a0000, 0x40900000, 0]);
  });

  it("breaks the line where data is missing for much longer than usual", () => {
    const series = withTimeGaps(fromRaw([0, 1, 2, 3, 20, 21].map((s) => ({ time: t(s), value: s, quality: 0 }))), 5);
    expect(series.xs).toEqual([x(0), x(1), x(2), x(3), x(11) + 0.5, x(20), x(21)]);
    expect(series.ys).toEqual([0, 1, 2, 3, null, 20, 21]);
  });

  it("takes the chosen aggregate of buckets, or min and max as a band around the average", () => {
    const points = [
      { time: t(0), avg: 5, min: 1, max: 9, count: 4 },
      { time: t(60), count: 0 },
    ];
    expect(fromBuckets(points, "count").ys).toEqual([4, 0]);
    const band = fromBuckets(points, "minmax");
    expect(band.ys).toEqual([5, null]);
    expect(band.lo).toEqual([1, null]);
    expect(band.hi).toEqual([9, null]);
  });

  it("joins series of different times on one axis and finds each one's point at the cursor", () => {
    const a = fromRaw([0, 2].map((s) => ({ time: t(s), value: s, quality: 0 })));
    const b = fromRaw([1].map((s) => ({ time: t(s), value: 10, quality: 0x40000000 })));
    const joined = join([a, b]);
    expect(joined.xs).toEqual([x(0), x(1), x(2)]);
    expect(joined.ys).toEqual([
      [0, undefined, 2],
      [undefined, 10, undefined],
    ]);
    expect(joined.qualities[1]).toEqual([undefined, 0x40000000, undefined]);
    expect(pointAtOrBefore(joined.ys[0], 1)).toBe(0);
    expect(pointAtOrBefore(joined.ys[1], 0)).toBe(-1);
  });

  it("widens a gap over the other series' times so that the line does not cross it", () => {
    const a = fromRaw([0, 1, 4, 5].map((s) => ({ time: t(s), value: s, quality: 0 })));
    a.ys[2] = null; // a bad sample at 4 s
    const b = fromRaw([2, 3, 6].map((s) => ({ time: t(s), value: 10, quality: 0 })));
    expect(join([a, b]).ys[0]).toEqual([0, 1, null, null, null, 5, undefined]);
  });

  it("reads a chart answer's columns: seconds, bad samples as gaps, Good when no quality column is sent", () => {
    const good = fromColumns([1000, 2000], [1.5, 2.5]);
    expect(good).toEqual({ xs: [1, 2], ys: [1.5, 2.5], qualities: [0, 0] });
    const mixed = fromColumns([1000, 2000, 3000], [1, null, 7], [0, 0x80000000, 0x808a0000]);
    expect(mixed.ys).toEqual([1, null, null]);
    expect(mixed.qualities).toEqual([0, 0x80000000, 0x808a0000]);
  });

  it("merges many series' own times into one ascending axis, shared times once", () => {
    const series = [
      { xs: [1, 4, 6], ys: [1, 4, 6], qualities: [0, 0, 0] },
      { xs: [], ys: [], qualities: [] },
      { xs: [2, 4, 9], ys: [20, 40, 90], qualities: [0, 1, 0] },
      { xs: [0, 9], ys: [0, null], qualities: [0, 0x80000000] },
    ];
    const joined = join(series);
    expect(joined.xs).toEqual([0, 1, 2, 4, 6, 9]);
    expect(joined.ys[0]).toEqual([undefined, 1, undefined, 4, 6, undefined]);
    expect(joined.ys[1]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(joined.ys[2]).toEqual([undefined, undefined, 20, 40, undefined, 90]);
    expect(joined.qualities[2]).toEqual([undefined, undefined, 0, 1, undefined, 0]);
    // the gap at 9 s reaches back to the series' own point at 0 s
    expect(joined.ys[3]).toEqual([0, null, null, null, null, null]);
  });

  it("places batch points at their offset since the batch start", () => {
    expect(fromRaw([{ offset: 12.5, value: 4, quality: 0 }]).xs).toEqual([12.5]);
  });
});

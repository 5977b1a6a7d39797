import { describe, expect, it } from "vitest";
import { fromBuckets, fromRaw, join, pointAtOrBefore, withTimeGaps } from "./chartData";

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

  it("places batch points at their offset since the batch start", () => {
    expect(fromRaw([{ offset: 12.5, value: 4, quality: 0 }]).xs).toEqual([12.5]);
  });
});

import { describe, expect, it } from "vitest";
import { SeriesBuffer } from "./SeriesBuffer";

describe("SeriesBuffer", () => {
  it("keeps live points that arrived while the history was loading", () => {
    const buffer = new SeriesBuffer();
    buffer.append(100, 1);
    buffer.append(101, 2);
    buffer.setHistory([90, 95, 100], [7, 8, 9]);
    expect(buffer.xs).toEqual([90, 95, 100, 101]);
    expect(buffer.ys).toEqual([7, 8, 9, 2]);
  });

  it("ignores a live point older than the last one and replaces one of the same time", () => {
    const buffer = new SeriesBuffer();
    buffer.append(10, 1);
    buffer.append(9, 5);
    buffer.append(10, 3);
    expect(buffer.xs).toEqual([10]);
    expect(buffer.ys).toEqual([3]);
  });

  it("trims to the window but keeps the point the line enters from", () => {
    const buffer = new SeriesBuffer();
    [1, 2, 3, 4, 5].forEach((x) => buffer.append(x, x));
    buffer.trim(3.5);
    expect(buffer.xs).toEqual([3, 4, 5]);
  });

  it("thins to min and max per bucket and keeps gaps visible", () => {
    const buffer = new SeriesBuffer();
    // bucket 0: 5, 1, 9, 4 ; bucket 1: a gap then 2
    [5, 1, 9, 4].forEach((y, i) => buffer.append(i * 0.2, y));
    buffer.append(1.0, null);
    buffer.append(1.2, 2);
    buffer.compact(3, 1);
    expect(buffer.ys).toEqual([1, 9, 4, null, 2]);
    expect(buffer.xs).toEqual([0.2, 0.4, 0.6000000000000001, 1.0, 1.2]);
  });
});

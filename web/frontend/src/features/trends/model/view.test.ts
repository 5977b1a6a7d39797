import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW,
  MAX_SPAN_MS,
  pan,
  resolveRange,
  type TrendView,
  viewFromSearch,
  viewToSearch,
  zoomAround,
  zoomTo,
} from "./view";

const NOW = Date.parse("2026-12-04T12:00:00Z");

describe("the view in the URL", () => {
  it("round-trips channels, derived signals, an absolute range, interval, aggregate, overlay and drawing", () => {
    const view: TrendView = {
      channels: [12, 3],
      derived: [7],
      range: { kind: "absolute", from: Date.parse("2026-12-04T10:00:00Z"), to: Date.parse("2026-12-04T10:30:00Z") },
      interval: "1m",
      aggregate: "minmax",
      overlay: [41, 42],
      live: false,
      step: true,
      hidden: ["c3"],
    };
    const search = viewToSearch(view);
    expect(search).toBe(
      "c=12,3&d=7&from=2026-12-04T10%3A00%3A00.000Z&to=2026-12-04T10%3A30%3A00.000Z&interval=1m&agg=minmax&batches=41,42&step=1&hide=c3",
    );
    expect(viewFromSearch(search, NOW)).toEqual(view);
  });

  it("round-trips a relative range that follows live data", () => {
    const view: TrendView = {
      ...DEFAULT_VIEW,
      channels: [1],
      range: { kind: "relative", duration: "PT10M" },
      live: true,
    };
    expect(viewToSearch(view)).toBe("c=1&range=PT10M&live=1");
    expect(viewFromSearch(viewToSearch(view), NOW)).toEqual(view);
  });

  it("reads the default view from an empty or unreadable query", () => {
    expect(viewFromSearch("", NOW)).toEqual(DEFAULT_VIEW);
    expect(
      viewFromSearch("c=x,-1,0,5,5&range=forever&interval=2w&agg=median&hide=<script>&step=yes&from=yesterday", NOW),
    ).toEqual({ ...DEFAULT_VIEW, channels: [5] });
  });

  it("never follows live on a fixed range and bounds the number of series and batches", () => {
    const many = Array.from({ length: 80 }, (_, i) => i + 1).join(",");
    const view = viewFromSearch(
      `c=${many}&d=${many}&batches=${many}&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&live=1`,
      NOW,
    );
    expect(view.channels).toHaveLength(50);
    expect(view.derived).toHaveLength(0);
    expect(view.overlay).toHaveLength(10);
    expect(view.live).toBe(false);
  });
});

describe("zooming and panning", () => {
  const hour: TrendView = {
    ...DEFAULT_VIEW,
    channels: [1],
    range: { kind: "absolute", from: NOW - 3_600_000, to: NOW },
  };

  it("zooms into a box as a fixed range and leaves follow-live", () => {
    const zoomed = zoomTo({ ...hour, live: true }, NOW - 600_000, NOW - 1_200_000, NOW);
    expect(zoomed.range).toEqual({ kind: "absolute", from: NOW - 1_200_000, to: NOW - 600_000 });
    expect(zoomed.live).toBe(false);
  });

  it("keeps the time under the cursor in place when zooming with the wheel", () => {
    const at = NOW - 900_000;
    const zoomed = zoomAround(hour, at, 0.5, NOW);
    const { from, to } = resolveRange(zoomed.range, NOW);
    expect(to - from).toBe(1_800_000);
    expect((at - from) / (to - from)).toBeCloseTo((at - (NOW - 3_600_000)) / 3_600_000, 6);
  });

  it("never zooms out beyond the engine's maximum range nor in below a second", () => {
    const out = zoomAround(hour, NOW, 1e6, NOW);
    expect(resolveRange(out.range, NOW).to - resolveRange(out.range, NOW).from).toBe(MAX_SPAN_MS);
    const into = zoomTo(hour, NOW - 10, NOW - 5, NOW);
    expect(resolveRange(into.range, NOW).to - resolveRange(into.range, NOW).from).toBe(1000);
  });

  it("pans by a share of the span and stops at now", () => {
    expect(pan(hour, -0.25, NOW).range).toEqual({ kind: "absolute", from: NOW - 4_500_000, to: NOW - 900_000 });
    expect(pan(hour, 0.25, NOW).range).toEqual(hour.range);
    const relative = pan({ ...DEFAULT_VIEW, live: true }, -1, NOW);
    expect(relative.range).toEqual({ kind: "absolute", from: NOW - 7_200_000, to: NOW - 3_600_000 });
    expect(relative.live).toBe(false);
  });
});

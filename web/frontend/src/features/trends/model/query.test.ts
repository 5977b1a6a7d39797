import { describe, expect, it } from "vitest";
import { historyQuery } from "./query";
import { DEFAULT_VIEW } from "./view";

const range = { from: Date.parse("2026-12-04T10:00:00Z"), to: Date.parse("2026-12-04T11:00:00Z") };

describe("the history query of a view", () => {
  it("asks a raw view downsampled to the plot's pixel width", () => {
    const body = historyQuery({ ...DEFAULT_VIEW, channels: [1, 2], derived: [9] }, range, 1184.4, "Europe/Berlin");
    expect(body).toEqual({
      channelIds: [1, 2],
      derivedSignalIds: [9],
      from: "2026-12-04T10:00:00.000Z",
      to: "2026-12-04T11:00:00.000Z",
      interval: "raw",
      maxPoints: 1184,
      downsample: "lttb",
      timeZone: "Europe/Berlin",
    });
  });

  it("asks buckets with the chosen aggregate, min and max (and the average) for the band", () => {
    expect(historyQuery({ ...DEFAULT_VIEW, interval: "auto", aggregate: "twa" }, range, 800).aggregates).toEqual([
      "twa",
    ]);
    const band = historyQuery({ ...DEFAULT_VIEW, interval: "1m", aggregate: "minmax" }, range, 800);
    expect(band.aggregates).toEqual(["min", "max", "avg"]);
    expect(band.downsample).toBeUndefined();
  });
});

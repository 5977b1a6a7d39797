import { describe, expect, it } from "vitest";
import { attachmentName } from "../../../lib/download";
import { exportRequest } from "./exportQuery";
import { DEFAULT_VIEW } from "./view";

const range = { from: Date.parse("2026-12-04T10:00:00Z"), to: Date.parse("2026-12-04T10:10:00Z") };

describe("the export of what is shown", () => {
  it("exports the visible series over the visible range, raw samples for a raw view", () => {
    const request = exportRequest({ ...DEFAULT_VIEW, channels: [1, 2], derived: [5], hidden: ["c2"] }, range, "csv");
    expect(request.format).toBe("csv");
    expect(request.query).toMatchObject({
      channelIds: [1],
      derivedSignalIds: [5],
      from: "2026-12-04T10:00:00.000Z",
      to: "2026-12-04T10:10:00.000Z",
      interval: "raw",
    });
    expect(request.query?.maxPoints).toBeUndefined();
    expect(request.query?.downsample).toBeUndefined();
  });

  it("exports the buckets of an aggregated view with its aggregates", () => {
    const request = exportRequest(
      { ...DEFAULT_VIEW, channels: [1], interval: "1m", aggregate: "minmax" },
      range,
      "xlsx",
    );
    expect(request.query).toMatchObject({ interval: "1m", aggregates: ["min", "max", "avg"] });
  });

  it("names the file as the server does", () => {
    expect(attachmentName('attachment; filename="parx-export-a-b.csv"', "x")).toBe("parx-export-a-b.csv");
    expect(attachmentName("attachment; filename*=UTF-8''parx%20batch.xlsx", "x")).toBe("parx batch.xlsx");
    expect(attachmentName(null, "fallback.csv")).toBe("fallback.csv");
  });
});

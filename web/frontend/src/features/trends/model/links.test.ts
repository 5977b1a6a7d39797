import { describe, expect, it } from "vitest";
import { trendViewerLink } from "./links";

describe("the link from a dashboard trend", () => {
  it("opens its channels over its window, following live, with its drawing style", () => {
    expect(trendViewerLink([4, 9], "PT15M", true)).toBe("/trends?c=4,9&range=PT15M&live=1&step=1");
  });

  it("falls back to an hour for a missing or unreadable window", () => {
    expect(trendViewerLink([4], undefined, false)).toBe("/trends?c=4&range=PT1H&live=1");
    expect(trendViewerLink([4], "soon", false)).toBe("/trends?c=4&range=PT1H&live=1");
  });
});

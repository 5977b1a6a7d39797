import { describe, expect, it } from "vitest";
import { formatAge, formatClock, formatValue, thresholdColor } from "./format";

describe("formatValue", () => {
  it("uses the widget's decimals, else at most three", () => {
    expect(formatValue(872.2000122070312)).toBe("872.2");
    expect(formatValue(2.5999999046325684, 2)).toBe("2.60");
    expect(formatValue(12)).toBe("12");
  });

  it("names booleans by the widget's labels and shows a missing value as a dash", () => {
    expect(formatValue(true, undefined, { on: "RUN", off: "STOP" })).toBe("RUN");
    expect(formatValue(false)).toBe("false");
    expect(formatValue(undefined)).toBe("—");
  });

  it("shows non-finite numbers as the router sends them", () => {
    expect(formatValue("NaN")).toBe("NaN");
    expect(formatValue(Infinity)).toBe("Infinity");
  });
});

describe("thresholdColor", () => {
  const thresholds = [
    { value: 850, color: "orange" },
    { value: 0, color: "green" },
    { value: 870, color: "red" },
  ];

  it("takes the highest threshold at or below the value, in any stored order", () => {
    expect(thresholdColor(860, thresholds)).toBe("orange");
    expect(thresholdColor(870, thresholds)).toBe("red");
    expect(thresholdColor(-1, thresholds)).toBeUndefined();
    expect(thresholdColor(null, thresholds)).toBeUndefined();
  });
});

describe("formatAge", () => {
  it("says how old a value is in the unit a person reads at a glance", () => {
    expect(formatAge(4_000)).toBe("4 s");
    expect(formatAge(5 * 60_000)).toBe("5 min");
    expect(formatAge(3 * 3_600_000)).toBe("3 h");
  });
});

describe("formatClock", () => {
  it("shows the time of day to the second, the same text for every sample within that second", () => {
    const second = Date.UTC(2026, 0, 1, 12, 34, 56);
    expect(formatClock(second + 100)).toBe(formatClock(second + 900));
    expect(formatClock(second + 1000)).not.toBe(formatClock(second));
    expect(formatClock(second)).toMatch(/34:56/);
  });
});

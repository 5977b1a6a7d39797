import { describe, expect, it } from "vitest";
import { formatAlarmValue, formatWhen } from "./format";

describe("alarm formatting", () => {
  it("writes numbers to at most three decimals with the unit, other values as they are", () => {
    expect(formatAlarmValue(871.23456, "°C")).toBe("871.235 °C");
    expect(formatAlarmValue(750, "°C")).toBe("750 °C");
    expect(formatAlarmValue(true, "°C")).toBe("true");
    expect(formatAlarmValue(null)).toBe("—");
  });

  it("shows the time of day for today and the date for other days", () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    expect(formatWhen("2026-12-06T12:00:00Z", now)).not.toMatch(/2026/);
    expect(formatWhen("2026-11-30T11:59:00Z", now)).toMatch(/2026/);
    expect(formatWhen(null, now)).toBe("—");
  });
});

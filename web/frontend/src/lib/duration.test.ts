import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration";

describe("parseDuration", () => {
  it("reads the windows widgets store", () => {
    expect(parseDuration("PT15M")).toBe(900_000);
    expect(parseDuration("PT1H")).toBe(3_600_000);
    expect(parseDuration("P1D")).toBe(86_400_000);
    expect(parseDuration("P1W")).toBe(604_800_000);
    expect(parseDuration("PT1H30M")).toBe(5_400_000);
    expect(parseDuration("PT0.5S")).toBe(500);
  });

  it("rejects what is not a positive duration", () => {
    expect(parseDuration("1h")).toBeNull();
    expect(parseDuration("PT")).toBeNull();
    expect(parseDuration("PT0S")).toBeNull();
    expect(parseDuration(undefined)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { age, bytes, range } from "./format";

describe("status formatting", () => {
  it("shows sizes in binary units", () => {
    expect(bytes(512)).toBe("512 B");
    expect(bytes(5 * 1024 * 1024)).toBe("5.0 MiB");
    expect(bytes(undefined)).toBe("—");
  });

  it("shows ages from milliseconds to hours, and nothing for an empty buffer", () => {
    expect(age(450)).toBe("450 ms");
    expect(age(45_000)).toBe("45 s");
    expect(age(12 * 60_000)).toBe("12 min");
    expect(age(3.5 * 3_600_000)).toBe("3.5 h");
    expect(age(null)).toBe("—");
  });

  it("shows a read's addresses as a range", () => {
    expect(range(40, 10)).toBe("40–49");
    expect(range(7, 1)).toBe("7");
  });
});

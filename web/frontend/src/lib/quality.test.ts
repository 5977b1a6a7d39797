import { describe, expect, it } from "vitest";
import { qualityName, severityOf } from "./quality";

describe("quality", () => {
  it("reads the severity from the top two bits of the StatusCode", () => {
    expect(severityOf(0)).toBe("good");
    expect(severityOf(0x40900000)).toBe("uncertain");
    expect(severityOf(2156527616)).toBe("bad"); // Bad_NotConnected as the router sends it (unsigned)
    expect(severityOf(0xc0000000)).toBe("bad"); // 11 is reserved and must not pass as good
  });

  it("names known codes and ignores the info bits of the low word", () => {
    expect(qualityName(2156527616)).toBe("Bad_NotConnected");
    expect(qualityName(0x800a0400)).toBe("Bad_Timeout");
  });

  it("shows unknown codes by severity and hex", () => {
    expect(qualityName(0x80ab0000)).toBe("Bad (0x80AB0000)");
  });
});

import { describe, expect, it } from "vitest";
import { diff } from "./diff";

describe("audit diff", () => {
  it("names a changed role with its old and new value", () => {
    expect(diff({ username: "olga", role: "ENGINEER" }, { username: "olga", role: "OPERATOR" })).toEqual([
      { path: "role", kind: "changed", before: '"ENGINEER"', after: '"OPERATOR"' },
    ]);
  });

  it("walks nested settings and arrays down to the field that changed", () => {
    const changes = diff(
      { settings: { deadband: 0.5, deadbandType: "ABSOLUTE" }, channelIds: [1, 2] },
      { settings: { deadband: 1, deadbandType: "ABSOLUTE" }, channelIds: [1, 2, 3] },
    );
    expect(changes).toEqual([
      { path: "channelIds[2]", kind: "added", after: "3" },
      { path: "settings.deadband", kind: "changed", before: "0.5", after: "1" },
    ]);
  });

  it("lists every field of a created entity as added and of a deleted one as removed", () => {
    expect(diff(null, { name: "a" })).toEqual([{ path: "name", kind: "added", after: '"a"' }]);
    expect(diff({ name: "a" }, null)).toEqual([{ path: "name", kind: "removed", before: '"a"' }]);
  });

  it("leaves out the version and update time that every change moves", () => {
    expect(diff({ version: 1, updatedAt: "x", enabled: true }, { version: 2, updatedAt: "y", enabled: true })).toEqual(
      [],
    );
  });
});

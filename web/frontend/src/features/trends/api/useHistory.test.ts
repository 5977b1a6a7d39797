import { describe, expect, it } from "vitest";
import { serverMs } from "./useHistory";

describe("history answers", () => {
  it("reads the engine's own time from its Server-Timing header", () => {
    expect(serverMs("query;dur=12.6")).toBe(13);
    expect(serverMs("gateway;dur=1, query;dur=40")).toBe(40);
    expect(serverMs(null)).toBeUndefined();
    expect(serverMs("db;dur=3")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { complete, typingAt } from "./completion";

describe("formula completion", () => {
  it("finds a channel name being typed in brackets", () => {
    expect(typingAt("2 * [Furn", 9)).toEqual({ kind: "name", start: 4, text: "Furn" });
    expect(typingAt("[Furnace] + 1", 13)).toBeNull();
  });

  it("finds a channel being typed as #name, but not a finished #id", () => {
    expect(typingAt("#Line", 5)).toEqual({ kind: "id", start: 0, text: "Line" });
    expect(typingAt("#", 1)).toEqual({ kind: "id", start: 0, text: "" });
    expect(typingAt("#12 + 1", 3)).toBeNull();
  });

  it("inserts the chosen name with its closing bracket, or the id", () => {
    expect(complete("2 * [Furn", 9, typingAt("2 * [Furn", 9)!, { id: 12, name: "Furnace.Temp" })).toEqual({
      formula: "2 * [Furnace.Temp]",
      caret: 18,
    });
    expect(complete("[Fu] / 2", 3, typingAt("[Fu] / 2", 3)!, { id: 12, name: "Furnace.Temp" }).formula).toBe(
      "[Furnace.Temp] / 2",
    );
    expect(complete("avg(#Li)", 7, typingAt("avg(#Li)", 7)!, { id: 7, name: "Line.Speed" })).toEqual({
      formula: "avg(#7)",
      caret: 6,
    });
  });
});

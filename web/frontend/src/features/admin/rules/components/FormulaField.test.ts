import { describe, expect, it } from "vitest";
import { lineAt } from "./FormulaField";

describe("formula error position", () => {
  it("points at the column of a one-line formula", () => {
    expect(lineAt("[a] > > 2", 6)).toEqual({ text: "[a] > > 2", column: 6 });
  });

  it("finds the line of a position in a multi-line formula", () => {
    expect(lineAt("#1 > 2 &&\n#3 <", 14)).toEqual({ text: "#3 <", column: 4 });
  });

  it("puts a position past the end after the last character", () => {
    expect(lineAt("#1 >", 99)).toEqual({ text: "#1 >", column: 4 });
  });
});

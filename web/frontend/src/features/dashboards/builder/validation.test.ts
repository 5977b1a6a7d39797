import { describe, expect, it } from "vitest";
import type { Widget } from "../types";
import { validate } from "./validation";

const widget: Widget = { id: "w1", kind: "GAUGE", title: "", x: 0, y: 0, w: 6, h: 4, channelIds: [1], options: {} };

describe("the widget editor's checks (the admin-api's, before saving)", () => {
  it("accepts a widget inside the 24 columns", () => {
    expect(validate(widget)).toEqual({});
  });

  it("rejects a widget that runs past the last column, naming the width", () => {
    expect(validate({ ...widget, x: 20, w: 6 })).toEqual({ w: "the widget runs past column 24" });
  });

  it("rejects a max not above the min and decimals out of range", () => {
    expect(validate({ ...widget, options: { min: 10, max: 10, decimals: 11 } })).toEqual({
      max: "must be greater than min",
      decimals: "0 to 10",
    });
  });
});

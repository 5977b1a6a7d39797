import { describe, expect, it } from "vitest";
import type { Dashboard } from "../types";
import { draftOf, newWidget, requestOf, withLayout } from "./draft";

const dashboard = {
  id: 1,
  uid: "u",
  name: "Line 1",
  description: "",
  owner: "alice",
  shared: true,
  version: 3,
  layout: {
    widgets: [
      { id: "a", kind: "VALUE", title: "", x: 0, y: 0, w: 4, h: 3, channelIds: [1], options: {} },
      { kind: "TEXT", title: "notes", x: 4, y: 0, w: 4, h: 3, channelIds: [], options: { text: "hi" } },
      { id: "a", kind: "GAUGE", title: "", x: 8, y: 0, w: 4, h: 3, channelIds: [2], options: {} },
    ],
  },
} as unknown as Dashboard;

describe("the builder's draft", () => {
  it("gives every widget a unique id even when the stored layout has none or repeats one", () => {
    const ids = draftOf(dashboard).widgets.map((w) => w.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe("a");
  });

  it("saves with the version the user edited", () => {
    const request = requestOf(draftOf(dashboard), dashboard.version);
    expect(request.version).toBe(3);
    expect(request.layout?.widgets).toHaveLength(3);
  });

  it("places a new widget below all others with the kind's size", () => {
    const widget = newWidget("TREND", draftOf(dashboard).widgets);
    expect(widget).toMatchObject({ kind: "TREND", x: 0, y: 3, w: 12, h: 6 });
  });

  it("reports a grid change only when a widget really moved", () => {
    const widgets = draftOf(dashboard).widgets;
    const same = widgets.map((w) => ({ i: w.id, x: w.x, y: w.y, w: w.w, h: w.h }));
    expect(withLayout(widgets, same)).toBeNull();
    const moved = withLayout(widgets, [{ ...same[0], y: 5 }, ...same.slice(1)]);
    expect(moved?.[0].y).toBe(5);
  });
});

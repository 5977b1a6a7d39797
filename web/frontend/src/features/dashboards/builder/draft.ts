import type { Layout } from "react-grid-layout";
import { type Dashboard, type DashboardRequest, toStored, toWidget, type Widget, type WidgetKind } from "../types";
import { WIDGETS } from "../widgets/registry";

/** What the builder edits: the parts of a dashboard a save sends. */
export interface Draft {
  name: string;
  description: string;
  shared: boolean;
  widgets: Widget[];
}

export function draftOf(dashboard: Dashboard): Draft {
  const seen = new Set<string>();
  const widgets = (dashboard.layout?.widgets ?? []).map((stored, index) => {
    const widget = toWidget(stored, index);
    // Stored widgets may lack an id or repeat one; the grid needs each unique.
    let id = widget.id;
    for (let n = 2; seen.has(id); n++) id = `${widget.id}-${n}`;
    seen.add(id);
    return { ...widget, id };
  });
  return { name: dashboard.name, description: dashboard.description ?? "", shared: dashboard.shared, widgets };
}

export function requestOf(draft: Draft, version: number): DashboardRequest {
  return {
    name: draft.name,
    description: draft.description,
    shared: draft.shared,
    layout: { widgets: draft.widgets.map(toStored) },
    version,
  };
}

/** A new widget of the kind, below everything else, with the kind's default size. */
export function newWidget(kind: WidgetKind, widgets: Widget[]): Widget {
  const bottom = widgets.reduce((max, widget) => Math.max(max, widget.y + widget.h), 0);
  const taken = new Set(widgets.map((widget) => widget.id));
  let n = widgets.length + 1;
  while (taken.has(`w${n}`)) n++;
  const { w, h } = WIDGETS[kind].size;
  return { id: `w${n}`, kind, title: "", x: 0, y: bottom, w, h, channelIds: [], options: {} };
}

/** The widgets moved and resized as the grid reports them; null when nothing changed. */
export function withLayout(widgets: Widget[], layout: Layout): Widget[] | null {
  const byId = new Map(layout.map((item) => [item.i, item]));
  let changed = false;
  const next = widgets.map((widget) => {
    const item = byId.get(widget.id);
    if (!item || (item.x === widget.x && item.y === widget.y && item.w === widget.w && item.h === widget.h)) {
      return widget;
    }
    changed = true;
    return { ...widget, x: item.x, y: item.y, w: item.w, h: item.h };
  });
  return changed ? next : null;
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

import { useMemo } from "react";
import ReactGridLayout, { type Layout, useContainerWidth } from "react-grid-layout";
import type { Channel } from "../../channels";
import { GRID_COLUMNS, type Widget } from "../types";
import { WIDGETS } from "../widgets/registry";
import { WidgetFrame } from "./WidgetFrame";

interface Props {
  widgets: Widget[];
  channels: Map<number, Channel> | undefined;
  editing: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onRemove: (id: string) => void;
  onLayout: (layout: Layout) => void;
}

/**
 * Widgets on the grid. Rows grow with the width (a wall display shows the same dashboard larger, not longer);
 * below 700 px the widgets stack in one column.
 */
export function DashboardGrid({ widgets, channels, editing, selectedId, onSelect, onRemove, onLayout }: Props) {
  const { width, containerRef, mounted } = useContainerWidth();
  const narrow = width > 0 && width < 700;
  const rowHeight = Math.max(28, Math.round(width / 36));
  const layout = useMemo<Layout>(
    () =>
      narrow
        ? stacked(widgets)
        : widgets.map((widget) => ({ i: widget.id, x: widget.x, y: widget.y, w: widget.w, h: widget.h })),
    [widgets, narrow],
  );
  const interactive = editing && !narrow;
  return (
    <div ref={containerRef} className={`grid${editing ? " grid-editing" : ""}`} data-testid="dashboard-grid">
      {mounted && (
        <ReactGridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: narrow ? 1 : GRID_COLUMNS, rowHeight, margin: [8, 8] }}
          dragConfig={{ enabled: interactive, handle: ".drag-handle", bounded: false }}
          resizeConfig={{ enabled: interactive, handles: ["se"] }}
          onDragStop={(next) => onLayout(next)}
          onResizeStop={(next) => onLayout(next)}
        >
          {widgets.map((widget) => {
            const Component = WIDGETS[widget.kind].component;
            return (
              <div key={widget.id}>
                <WidgetFrame
                  widget={widget}
                  editing={editing}
                  selected={widget.id === selectedId}
                  onSelect={() => onSelect(widget.id)}
                  onRemove={() => onRemove(widget.id)}
                >
                  <Component widget={widget} channels={channels} />
                </WidgetFrame>
              </div>
            );
          })}
        </ReactGridLayout>
      )}
    </div>
  );
}

/** One column, in reading order (top to bottom, left to right). */
function stacked(widgets: Widget[]): Layout {
  let y = 0;
  return [...widgets]
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((widget) => {
      const item = { i: widget.id, x: 0, y, w: 1, h: widget.h, static: true };
      y += widget.h;
      return item;
    });
}

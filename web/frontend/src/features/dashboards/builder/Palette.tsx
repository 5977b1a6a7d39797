import type { WidgetKind } from "../types";
import { WIDGET_KINDS, WIDGETS } from "../widgets/registry";

/** The widget kinds to add, as buttons (reachable by keyboard, unlike drag from a toolbox). */
export function Palette({ onAdd }: { onAdd: (kind: WidgetKind) => void }) {
  return (
    <div className="palette" role="group" aria-label="Add a widget">
      <span className="palette-title">Add</span>
      {WIDGET_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="palette-item"
          onClick={() => onAdd(kind)}
          title={WIDGETS[kind].description}
          data-kind={kind}
        >
          {WIDGETS[kind].label}
        </button>
      ))}
    </div>
  );
}

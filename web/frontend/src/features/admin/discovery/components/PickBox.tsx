import type { ReactNode } from "react";
import type { DiscoveredItem } from "../model/items";
import type { Selection } from "./browserProps";

/**
 * A tick box that adds a discovered item to the selection or takes it out; without an item (nothing a channel can
 * read) just the label.
 */
export function PickBox({
  item,
  selection,
  children,
}: {
  item: DiscoveredItem | null;
  selection: Selection;
  children: ReactNode;
}) {
  if (!item) return children;
  return (
    <label className="pick">
      <input
        type="checkbox"
        checked={selection.has(item.key)}
        onChange={() => selection.toggle(item)}
        data-testid={`pick-${item.key}`}
      />
      {children}
    </label>
  );
}

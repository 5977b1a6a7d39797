import type { ReactNode } from "react";
import type { DiscoveredItem } from "../model/items";

/** The items ticked in a discovery dialog, by key. */
export interface Selection {
  has: (key: string) => boolean;
  toggle: (item: DiscoveredItem) => void;
}

/** A tick box that adds a discovered item to the selection or takes it out. */
export function PickBox({
  item,
  selection,
  children,
}: {
  item: DiscoveredItem;
  selection: Selection;
  children: ReactNode;
}) {
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

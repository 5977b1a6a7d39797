import type { DiscoveredItem } from "../model/items";

/** The items ticked in a discovery dialog, by key. */
export interface Selection {
  has: (key: string) => boolean;
  toggle: (item: DiscoveredItem) => void;
}

/** What each kind of browser gets from the dialog. */
export interface BrowserProps {
  /** How to reach the server, as the form's settings say (typed). */
  connection: Record<string, unknown>;
  /** The form's settings as typed, for the browser's starting point (topic, register type, address). */
  settings: Record<string, string>;
  selection: Selection;
}

import type { Channel } from "../../channels";
import type { Widget } from "../types";

export interface WidgetProps {
  widget: Widget;
  /** Every channel by id (name, unit, data type); undefined while loading. */
  channels: Map<number, Channel> | undefined;
}

export function channelLabel(channels: Map<number, Channel> | undefined, id: number): string {
  return channels?.get(id)?.name ?? `#${id}`;
}

export function channelUnit(channels: Map<number, Channel> | undefined, id: number): string {
  return channels?.get(id)?.unit ?? "";
}

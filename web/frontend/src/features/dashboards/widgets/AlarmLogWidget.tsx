import { useMemo } from "react";
import { useNow } from "../../../lib/clock";
import { AlarmList, selectAlarms, useActiveAlarms } from "../../alarms";
import type { WidgetProps } from "./types";

/**
 * The active alarms, most urgent first, with acknowledge and shelve: all of them, or those on the bound channels, at
 * or above the widget's minimum priority. The tab's one alarm list feeds it (live, or polled).
 */
export function AlarmLogWidget({ widget, channels }: WidgetProps) {
  const state = useActiveAlarms();
  // Shelving ends and "today" turns into a date rarely: a 10 s step spares re-rendering every row every second.
  const now = Math.floor(useNow() / 10_000) * 10_000;
  const { minPriority } = widget.options;
  const key = widget.channelIds.join(",");
  const alarms = useMemo(
    () => selectAlarms(state.alarms, minPriority, key === "" ? [] : key.split(",").map(Number)),
    [state.alarms, minPriority, key],
  );
  return (
    <div className="alarm-widget" data-testid="alarm-widget">
      <AlarmList state={state} alarms={alarms} channels={channels} now={now} />
    </div>
  );
}

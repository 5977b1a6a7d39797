import { useNow } from "../../../lib/clock";
import type { Channel } from "../../channels";
import { useActiveAlarms } from "../AlarmsProvider";
import { AlarmList } from "../components/AlarmList";
import { unacknowledgedSummary } from "../model/filter";

const SOURCES = {
  live: "Live",
  polling: "Refreshed every 10 s (the live feed of alarms is not available)",
  waiting: "Connecting…",
} as const;

/** The active alarms, full width, with how many wait for acknowledgement and where the list comes from. */
export function ActiveTab({ channels }: { channels: Map<number, Channel> | undefined }) {
  const state = useActiveAlarms();
  const now = Math.floor(useNow() / 10_000) * 10_000;
  const { count } = unacknowledgedSummary(state.alarms, now);
  return (
    <section aria-label="Active alarms">
      <p className="muted" data-testid="alarm-summary">
        {state.alarms.length} active, {count} unacknowledged · {SOURCES[state.mode]}
      </p>
      <div className="alarm-page-list">
        <AlarmList state={state} alarms={state.alarms} channels={channels} now={now} />
      </div>
    </section>
  );
}

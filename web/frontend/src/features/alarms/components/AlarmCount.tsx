import { NavLink } from "react-router";
import { useNow } from "../../../lib/clock";
import { useActiveAlarms } from "../AlarmsProvider";
import { unacknowledgedSummary } from "../model/filter";

/** The header's count of unacknowledged alarms, coloured by the highest priority among them; opens the alarms page. */
export function AlarmCount() {
  const state = useActiveAlarms();
  const now = useNow();
  const { count, highest } = unacknowledgedSummary(state.alarms, now);
  const tone = count > 0 && highest ? `priority-${highest.toLowerCase()}` : "alarm-count-none";
  const label = !state.loaded
    ? "Alarms: loading"
    : count === 0
      ? "No unacknowledged alarm"
      : `${count} unacknowledged alarm${count === 1 ? "" : "s"}, highest priority ${highest}`;
  return (
    <NavLink to="/alarms" className={`alarm-count ${tone}`} aria-label={label} title={label} data-testid="alarm-count">
      <span aria-hidden="true">Alarms</span>
      <span className="alarm-count-number" aria-hidden="true" data-testid="alarm-count-number">
        {state.loaded ? count : "…"}
      </span>
    </NavLink>
  );
}

import type { Channel } from "../../channels";
import { describeError } from "../../../lib/api/problem";
import type { AlarmsState } from "../model/ActiveAlarms";
import type { ActiveAlarm } from "../types";
import { AlarmItem } from "./AlarmItem";

/** The active alarms as a list, most urgent first; the widget and the alarms page show the same. */
export function AlarmList({
  state,
  alarms,
  channels,
  now,
}: {
  state: AlarmsState;
  /** The alarms to show (the state's, filtered by the caller). */
  alarms: ActiveAlarm[];
  channels?: Map<number, Channel>;
  now: number;
}) {
  const problem = state.error ? (
    <p className="alarm-feed-error" role="status">
      Alarms could not be refreshed: {describeError(state.error)}
    </p>
  ) : null;
  if (!state.loaded) {
    return (
      <>
        {problem}
        <p className="muted widget-empty">Loading alarms…</p>
      </>
    );
  }
  return (
    <>
      {problem}
      {alarms.length === 0 ? (
        <p className="muted widget-empty" data-testid="no-active-alarms">
          No active alarm.
        </p>
      ) : (
        <ul className="alarm-list" aria-label="Active alarms, most urgent first">
          {alarms.map((alarm) => (
            <AlarmItem key={alarm.definitionId} alarm={alarm} channel={channels?.get(alarm.channelId)} now={now} />
          ))}
        </ul>
      )}
    </>
  );
}

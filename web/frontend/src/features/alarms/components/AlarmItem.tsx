import { memo } from "react";
import { formatAlarmValue, formatFull, formatWhen } from "../format";
import { type ActiveAlarm, isShelved, isUnacknowledged, STATE_LABELS } from "../types";
import { AlarmActions } from "./AlarmActions";
import { PriorityBadge } from "./PriorityBadge";

/**
 * One active alarm: priority, name, state, message, when it was raised and with what value, and what to do about it.
 * Every part wraps or truncates with the full text on hover, so a narrow widget clips nothing.
 */
export const AlarmItem = memo(function AlarmItem({
  alarm,
  channel,
  now,
}: {
  alarm: ActiveAlarm;
  /** The channel's name and unit, when the channel list has loaded. */
  channel?: { name: string; unit?: string };
  now: number;
}) {
  const channelName = channel?.name;
  const shelved = isShelved(alarm, now);
  const classes = ["alarm-item", `priority-${alarm.priority.toLowerCase()}`];
  if (isUnacknowledged(alarm)) classes.push("alarm-unacked");
  if (shelved) classes.push("alarm-shelved");
  return (
    <li className={classes.join(" ")} data-testid="active-alarm" data-state={alarm.state}>
      <div className="alarm-head">
        <PriorityBadge priority={alarm.priority} />
        <span className="alarm-name" title={alarm.name}>
          {alarm.name}
        </span>
        <span className="alarm-state" data-testid="alarm-state">
          {STATE_LABELS[alarm.state]}
          {shelved && " · shelved"}
        </span>
      </div>
      <p className="alarm-message" title={alarm.message}>
        {alarm.message}
      </p>
      <div className="alarm-meta">
        <time dateTime={alarm.activatedAt ?? undefined} title={`Raised ${formatFull(alarm.activatedAt)}`}>
          {formatWhen(alarm.activatedAt, now)}
        </time>
        <span>value {formatAlarmValue(alarm.value, channel?.unit)}</span>
        <span className="alarm-channel" title={channelName ?? `channel ${alarm.channelId}`}>
          {channelName ?? `#${alarm.channelId}`}
        </span>
        {alarm.acknowledgedBy && (
          <span title={`Acknowledged ${formatFull(alarm.acknowledgedAt)}`}>ack. by {alarm.acknowledgedBy}</span>
        )}
        {shelved && <span>shelved until {formatWhen(alarm.shelvedUntil, now)}</span>}
      </div>
      <AlarmActions alarm={alarm} shelved={shelved} />
    </li>
  );
});

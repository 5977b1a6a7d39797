import { type ActiveAlarm, isShelved, isUnacknowledged, type Priority, rank } from "../types";

/** The alarms at or above a priority and, when channels are given, on one of them. */
export function selectAlarms(
  alarms: ActiveAlarm[],
  minPriority: Priority | undefined,
  channelIds: readonly number[] = [],
): ActiveAlarm[] {
  const min = minPriority ? rank(minPriority) : 0;
  const channels = new Set(channelIds);
  return alarms.filter(
    (alarm) => rank(alarm.priority) >= min && (channels.size === 0 || channels.has(alarm.channelId)),
  );
}

/** What the header shows: the unacknowledged alarms not shelved, and the highest priority among them. */
export function unacknowledgedSummary(
  alarms: ActiveAlarm[],
  now: number,
): { count: number; highest: Priority | undefined } {
  let count = 0;
  let highest: Priority | undefined;
  for (const alarm of alarms) {
    if (!isUnacknowledged(alarm) || isShelved(alarm, now)) continue;
    count++;
    if (!highest || rank(alarm.priority) > rank(highest)) highest = alarm.priority;
  }
  return { count, highest };
}

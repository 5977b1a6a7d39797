import type { components, operations } from "../../api/generated/storage-engine";
import type { ActiveAlarm } from "../../lib/live/protocol";

export type { ActiveAlarm, AlarmTransition } from "../../lib/live/protocol";
export type JournalEntry = components["schemas"]["AlarmJournalEntry"];
export type JournalPage = components["schemas"]["AlarmJournalPage"];
export type JournalQuery = NonNullable<operations["queryAlarmJournal"]["parameters"]["query"]>;
export type Priority = ActiveAlarm["priority"];
export type AlarmStatus = ActiveAlarm["state"];

/** Least to most urgent, as the storage engine ranks them (AlarmPriority.level 1-4). */
export const PRIORITIES: readonly Priority[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];

export const STATES: readonly AlarmStatus[] = ["ACTIVE_UNACKED", "ACTIVE_ACKED", "RETURNED_UNACKED", "NORMAL"];

export function rank(priority: Priority): number {
  return PRIORITIES.indexOf(priority) + 1;
}

/** Waits for someone to acknowledge it (still active, or returned to normal unseen). */
export function isUnacknowledged(alarm: { state: AlarmStatus }): boolean {
  return alarm.state === "ACTIVE_UNACKED" || alarm.state === "RETURNED_UNACKED";
}

/** Shelved until a time still to come: it raises nothing until then. */
export function isShelved(alarm: ActiveAlarm, now: number): boolean {
  return alarm.shelvedUntil !== null && Date.parse(alarm.shelvedUntil) > now;
}

/** How the states read for an operator. */
export const STATE_LABELS: Record<AlarmStatus, string> = {
  ACTIVE_UNACKED: "Active, unacknowledged",
  ACTIVE_ACKED: "Active, acknowledged",
  RETURNED_UNACKED: "Returned, unacknowledged",
  NORMAL: "Normal",
};

import type { Channel } from "../../channels";
import { formatAlarmValue, formatFull } from "../format";
import { type JournalEntry, STATE_LABELS } from "../types";
import { PriorityBadge } from "./PriorityBadge";

const EVENT_LABELS: Record<JournalEntry["event"], string> = {
  ACTIVATED: "Activated",
  RETURNED: "Returned to normal",
  ACKNOWLEDGED: "Acknowledged",
  SHELVED: "Shelved",
};

/** Alarm transitions newest first: what happened, to which alarm, who did it and why. */
export function JournalTable({
  entries,
  channels,
}: {
  entries: JournalEntry[];
  channels: Map<number, Channel> | undefined;
}) {
  return (
    <table className="list-table journal-table" data-testid="journal-list">
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Priority</th>
          <th scope="col">Alarm</th>
          <th scope="col">Event</th>
          <th scope="col">State after</th>
          <th scope="col">Value</th>
          <th scope="col">User, comment</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, index) => (
          <tr key={`${entry.time}-${entry.definitionId}-${entry.event}-${index}`} data-testid="journal-entry">
            <td className="nowrap">{formatFull(entry.time)}</td>
            <td>
              <PriorityBadge priority={entry.priority} />
            </td>
            <td>
              <strong>{entry.name}</strong>
              <div className="muted">
                {entry.message} · {channels?.get(entry.channelId)?.name ?? `#${entry.channelId}`}
              </div>
            </td>
            <td>{EVENT_LABELS[entry.event]}</td>
            <td>{STATE_LABELS[entry.state]}</td>
            <td className="nowrap">{formatAlarmValue(entry.value, channels?.get(entry.channelId)?.unit)}</td>
            <td>
              {entry.user ?? ""}
              {entry.comment && <div className="muted">“{entry.comment}”</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useEffect, useRef, useState } from "react";
import { useLiveStore } from "../../../lib/live/LiveContext";
import { useWatch } from "../../../lib/live/hooks";
import { qualityName, severityOf } from "../../../lib/quality";
import { formatTime } from "../components/format";
import { NoChannels } from "./NoChannels";
import { channelLabel, type WidgetProps } from "./types";

/** Entries kept per widget, newest first. */
const MAX_ENTRIES = 200;

interface Entry {
  key: number;
  time: number;
  channelId: number;
  bad: boolean;
  reason: string;
}

/**
 * A journal of the bound channels going Bad and coming back, with time and reason (the quality's name), as seen
 * live since the dashboard opened. The alarms issue replaces the source with real alarms; the display stays.
 */
export function AlarmLogWidget({ widget, channels }: WidgetProps) {
  const ids = widget.channelIds;
  const live = useLiveStore();
  const [entries, setEntries] = useState<Entry[]>([]);
  const lastBad = useRef(new Map<number, boolean>());
  const counter = useRef(0);
  useWatch(ids);

  useEffect(() => {
    lastBad.current = new Map();
    const stops = ids.map((id) =>
      live.subscribeStream(id, (samples) => {
        const added: Entry[] = [];
        for (const sample of samples) {
          const bad = severityOf(sample.quality) === "bad";
          const before = lastBad.current.get(id);
          lastBad.current.set(id, bad);
          // The first sample only counts when it is bad: "Bad since"; a good first value is no event.
          if (before === bad || (before === undefined && !bad)) continue;
          counter.current += 1;
          added.push({
            key: counter.current,
            time: sample.time,
            channelId: id,
            bad,
            reason: qualityName(sample.quality),
          });
        }
        if (added.length > 0) setEntries((old) => added.reverse().concat(old).slice(0, MAX_ENTRIES));
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [live, ids.join(",")]);

  if (ids.length === 0) return <NoChannels />;
  if (entries.length === 0) return <p className="muted widget-empty">No quality change since the dashboard opened.</p>;
  return (
    <ol className="alarm-log" aria-label="Quality changes, newest first">
      {entries.map((entry) => (
        <li key={entry.key} className={entry.bad ? "alarm-bad" : "alarm-ok"} data-testid="alarm-entry">
          <time dateTime={new Date(entry.time).toISOString()}>{formatTime(entry.time)}</time>
          <span className="alarm-channel">{channelLabel(channels, entry.channelId)}</span>
          <span className="alarm-reason">{entry.bad ? `went ${entry.reason}` : `back to ${entry.reason}`}</span>
        </li>
      ))}
    </ol>
  );
}

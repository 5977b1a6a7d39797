import { type FormEvent, useState } from "react";
import type { Channel } from "../../channels";
import { type JournalQuery, PRIORITIES, STATE_LABELS, STATES } from "../types";

/**
 * The journal API's filters: time range (local time in the inputs, UTC on the wire; the last day when empty),
 * priority, the state after the transition, text in message or name, and a channel picked by name.
 */
export function JournalFilters({
  value,
  channels,
  onApply,
}: {
  value: JournalQuery;
  channels: Map<number, Channel> | undefined;
  onApply: (query: JournalQuery) => void;
}) {
  const [from, setFrom] = useState(toLocalInput(value.from));
  const [to, setTo] = useState(toLocalInput(value.to));
  const [priority, setPriority] = useState(value.priority ?? "");
  const [state, setState] = useState(value.state ?? "");
  const [text, setText] = useState(value.text ?? "");
  const [channel, setChannel] = useState(
    value.channelId ? (channels?.get(value.channelId)?.name ?? `#${value.channelId}`) : "",
  );
  const [channelError, setChannelError] = useState<string>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const channelId = channelIdOf(channel, channels);
    if (channelId === null) {
      setChannelError("No channel has this name.");
      return;
    }
    setChannelError(undefined);
    onApply({
      from: from ? new Date(from).toISOString() : undefined,
      to: to ? new Date(to).toISOString() : undefined,
      priority: priority || undefined,
      state: state || undefined,
      text: text.trim() || undefined,
      channelId,
    });
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the alarm journal">
      <label>
        From
        <input
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          data-testid="journal-from"
        />
      </label>
      <label>
        To
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        Priority
        <select value={priority} onChange={(e) => setPriority(e.target.value)} data-testid="journal-priority">
          <option value="">any</option>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        State after
        <select value={state} onChange={(e) => setState(e.target.value)} data-testid="journal-state">
          <option value="">any</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {STATE_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Text
        <input
          type="search"
          value={text}
          maxLength={200}
          placeholder="in message or name"
          onChange={(e) => setText(e.target.value)}
          data-testid="journal-text"
        />
      </label>
      <label>
        Channel
        <input
          value={channel}
          list="journal-channels"
          maxLength={200}
          onChange={(e) => setChannel(e.target.value)}
          aria-invalid={channelError ? true : undefined}
          data-testid="journal-channel"
        />
        <datalist id="journal-channels">
          {[...(channels?.values() ?? [])].map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
        {channelError && <span className="field-error">{channelError}</span>}
      </label>
      <button type="submit" className="button-primary" data-testid="journal-apply">
        Apply
      </button>
    </form>
  );
}

/** The id of the named channel ("#12" for an id), undefined for none, null when no channel has the name. */
function channelIdOf(text: string, channels: Map<number, Channel> | undefined): number | undefined | null {
  const name = text.trim();
  if (!name) return undefined;
  const byId = /^#?(\d+)$/.exec(name);
  if (byId) return Number(byId[1]);
  for (const channel of channels?.values() ?? []) if (channel.name === name) return channel.id;
  return null;
}

/** An ISO instant as the value of a datetime-local input (the browser's time zone). */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

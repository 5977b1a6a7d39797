import { useId, useState } from "react";
import { useChannelSearch } from "../api/useChannelSearch";
import type { Channel } from "../types";
import { describeError } from "../../../lib/api/problem";

interface Props {
  selected: number[];
  max: number;
  channels: Map<number, Channel> | undefined;
  onChange: (ids: number[]) => void;
}

/** Binds channels by searching names and tags ("tag:furnace" for tags only); the chosen ones as removable chips. */
export function ChannelPicker({ selected, max, channels, onChange }: Props) {
  const [text, setText] = useState("");
  const search = useChannelSearch(text);
  const id = useId();
  const full = selected.length >= max;
  const results = (search.data ?? []).filter((channel) => !selected.includes(channel.id));
  const addAll = () => onChange([...selected, ...results.map((c) => c.id)].slice(0, max));
  return (
    <fieldset className="channel-picker">
      <legend>
        Channels ({selected.length}
        {max < 500 ? ` of at most ${max}` : ""})
      </legend>
      <ul className="chips" aria-label="Bound channels">
        {selected.map((channelId) => (
          <li key={channelId} className="chip">
            {channels?.get(channelId)?.name ?? `#${channelId}`}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Unbind ${channels?.get(channelId)?.name ?? channelId}`}
              onClick={() => onChange(selected.filter((x) => x !== channelId))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-search`}>Find channels by name or tag</label>
      <input
        id={`${id}-search`}
        type="search"
        value={text}
        placeholder="e.g. Furnace or tag:line1"
        onChange={(e) => setText(e.target.value)}
        disabled={full}
        maxLength={200}
        data-testid="channel-search"
      />
      {full && <p className="muted">This widget takes at most {max} channel(s).</p>}
      {search.error ? <p className="field-error">{describeError(search.error)}</p> : null}
      {text.trim() && !full && (
        <ul className="search-results" aria-label="Matching channels" aria-live="polite">
          {results.length === 0 && !search.isFetching && <li className="muted">No channel matches.</li>}
          {results.slice(0, 50).map((channel) => (
            <li key={channel.id}>
              <button
                type="button"
                className="result"
                onClick={() => onChange([...selected, channel.id].slice(0, max))}
                data-testid="channel-result"
              >
                <span>{channel.name}</span>
                <span className="muted">
                  {channel.unit ? `${channel.unit} · ` : ""}
                  {channel.protocol} {channel.tags?.length ? `· ${channel.tags.join(", ")}` : ""}
                </span>
              </button>
            </li>
          ))}
          {results.length > 1 && max - selected.length > 1 && (
            <li>
              <button type="button" className="button-quiet" onClick={addAll}>
                Bind all {Math.min(results.length, max - selected.length)} shown
              </button>
            </li>
          )}
        </ul>
      )}
    </fieldset>
  );
}

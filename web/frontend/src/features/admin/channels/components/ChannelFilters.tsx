import { useEffect, useState } from "react";
import type { ChannelListQuery } from "../model/listQuery";
import { PROTOCOL_LABELS, PROTOCOLS } from "../model/protocols";

type TextFilter = "name" | "tag" | "device" | "collector";

const TEXT_FILTERS: { key: TextFilter; label: string; placeholder: string; maxLength: number }[] = [
  { key: "name", label: "Name", placeholder: "part of the name", maxLength: 200 },
  { key: "tag", label: "Tag", placeholder: "exact tag", maxLength: 100 },
  { key: "device", label: "Device", placeholder: "host, endpoint or broker", maxLength: 200 },
  { key: "collector", label: "Collector", placeholder: "instance name", maxLength: 100 },
];

/** The list's filters; text filters apply 300 ms after the last keystroke, so typing does not flood the server. */
export function ChannelFilters({
  query,
  onChange,
}: {
  query: ChannelListQuery;
  onChange: (change: Partial<ChannelListQuery>) => void;
}) {
  const [texts, setTexts] = useState(() => pick(query));
  const applied = JSON.stringify(pick(query));
  useEffect(() => setTexts(JSON.parse(applied) as Record<TextFilter, string>), [applied]);
  useEffect(() => {
    if (JSON.stringify(texts) === applied) return;
    const timer = setTimeout(() => onChange(texts), 300);
    return () => clearTimeout(timer);
  }, [texts, applied, onChange]);

  return (
    <form className="filters" role="search" aria-label="Filter channels" onSubmit={(e) => e.preventDefault()}>
      {TEXT_FILTERS.map(({ key, label, placeholder, maxLength }) => (
        <div key={key}>
          <label htmlFor={`filter-${key}`}>{label}</label>
          <input
            id={`filter-${key}`}
            type="search"
            value={texts[key]}
            placeholder={placeholder}
            maxLength={maxLength}
            onChange={(e) => setTexts({ ...texts, [key]: e.target.value })}
            onKeyDown={(e) => e.key === "Enter" && onChange(texts)}
          />
        </div>
      ))}
      <div>
        <label htmlFor="filter-protocol">Protocol</label>
        <select
          id="filter-protocol"
          value={query.protocol}
          onChange={(e) => onChange({ protocol: e.target.value as ChannelListQuery["protocol"] })}
        >
          <option value="">any</option>
          {PROTOCOLS.map((protocol) => (
            <option key={protocol} value={protocol}>
              {PROTOCOL_LABELS[protocol]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-enabled">Enabled</label>
        <select
          id="filter-enabled"
          value={query.enabled}
          onChange={(e) => onChange({ enabled: e.target.value as ChannelListQuery["enabled"] })}
        >
          <option value="">any</option>
          <option value="true">enabled</option>
          <option value="false">disabled</option>
        </select>
      </div>
    </form>
  );
}

function pick(query: ChannelListQuery): Record<TextFilter, string> {
  return { name: query.name, tag: query.tag, device: query.device, collector: query.collector };
}

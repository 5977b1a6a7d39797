import { Link } from "react-router";
import { deviceOf } from "../model/device";
import { PROTOCOL_LABELS, type Protocol } from "../model/protocols";
import type { Channel } from "../types";
import { LiveValueCells } from "./LiveValueCells";

const COLUMNS: { property?: string; label: string }[] = [
  { property: "name", label: "Name" },
  { property: "protocol", label: "Protocol" },
  { label: "Device" },
  { property: "dataType", label: "Type" },
  { label: "Tags" },
  { property: "collector", label: "Collector" },
  { label: "Value" },
  { label: "Quality" },
  { label: "Enabled" },
];

/** One page of channels; sortable columns are buttons in their headers. */
export function ChannelTable({
  channels,
  sort,
  onSort,
  writer,
  onToggle,
  onDuplicate,
}: {
  channels: Channel[];
  sort: string;
  onSort: (sort: string) => void;
  writer: boolean;
  onToggle: (channel: Channel) => void;
  onDuplicate: (channel: Channel) => void;
}) {
  const [sortProperty, direction] = sort.split(",");
  return (
    <table className="list-table" data-testid="channel-table">
      <thead>
        <tr>
          {COLUMNS.map(({ property, label }) => (
            <th
              key={label}
              scope="col"
              aria-sort={property === sortProperty ? (direction === "desc" ? "descending" : "ascending") : undefined}
            >
              {property ? (
                <button
                  type="button"
                  className="sort-button"
                  onClick={() =>
                    onSort(`${property},${property === sortProperty && direction === "asc" ? "desc" : "asc"}`)
                  }
                >
                  {label}
                  {property === sortProperty ? (direction === "desc" ? " ▼" : " ▲") : ""}
                </button>
              ) : (
                label
              )}
            </th>
          ))}
          {writer && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {channels.map((channel) => (
          <tr key={channel.id} data-channel={channel.name}>
            <th scope="row">
              <Link to={`/admin/channels/${channel.id}`}>{channel.name}</Link>
            </th>
            <td>{PROTOCOL_LABELS[channel.protocol as Protocol] ?? channel.protocol}</td>
            <td className="device">{deviceOf(channel)}</td>
            <td>{channel.dataType}</td>
            <td>{channel.tags.join(", ")}</td>
            <td>{channel.collector ?? <span className="muted">any</span>}</td>
            <LiveValueCells channel={channel} />
            <td>
              {writer ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={channel.enabled}
                    onChange={() => onToggle(channel)}
                    aria-label={`${channel.name} enabled`}
                  />
                  {channel.enabled ? "yes" : "no"}
                </label>
              ) : channel.enabled ? (
                "yes"
              ) : (
                "no"
              )}
            </td>
            {writer && (
              <td className="actions">
                <Link to={`/admin/channels/${channel.id}/edit`} aria-label={`Edit ${channel.name}`}>
                  Edit
                </Link>{" "}
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={`Duplicate ${channel.name}`}
                  onClick={() => onDuplicate(channel)}
                >
                  Duplicate
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { Channel } from "../../../channels";
import type { CollectorStatus } from "../api/status";

/** Channels the collector does not run because their settings are wrong, with the reason it gives. */
export function MisconfiguredChannels({
  status,
  channels,
}: {
  status: CollectorStatus;
  channels: Map<number, Channel> | undefined;
}) {
  const rows = Object.entries(status.engines ?? {}).flatMap(([protocol, engine]) =>
    (engine.channels ?? [])
      .filter((channel) => channel.state === "MISCONFIGURED")
      .map((channel) => ({ protocol, channel })),
  );
  if (rows.length === 0) return <p className="muted">Every channel's settings are accepted.</p>;
  return (
    <table className="list-table" data-testid="misconfigured">
      <thead>
        <tr>
          <th scope="col">Protocol</th>
          <th scope="col">Channel</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ protocol, channel }) => (
          <tr key={channel.channelId} data-testid="misconfigured-channel">
            <td>{protocol}</td>
            <th scope="row">{channels?.get(channel.channelId ?? 0)?.name ?? `#${channel.channelId}`}</th>
            <td className="state-down">{channel.reason ?? channel.qualityName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

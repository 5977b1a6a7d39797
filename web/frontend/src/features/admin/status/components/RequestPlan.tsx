import type { Channel } from "../../../channels";
import type { PlannedRead } from "../api/status";
import { range } from "../format";

/** The Modbus request plan: which reads the collector sends to each device and which channels each serves. */
export function RequestPlan({ plan, channels }: { plan: PlannedRead[]; channels: Map<number, Channel> | undefined }) {
  if (plan.length === 0) return <p className="muted">No Modbus channels are polled.</p>;
  return (
    <table className="list-table" data-testid="request-plan">
      <thead>
        <tr>
          <th scope="col">Device</th>
          <th scope="col">Every</th>
          <th scope="col">Table</th>
          <th scope="col">Addresses</th>
          <th scope="col">Channels served</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {plan.map((read, index) => (
          <tr key={`${read.device}-${read.pollIntervalMs}-${read.registerType}-${read.start}-${index}`}>
            <td>{read.device}</td>
            <td className="num">{read.pollIntervalMs} ms</td>
            <td>{read.registerType}</td>
            <td className="num">
              {range(read.start, read.count)} <span className="muted">({read.count})</span>
            </td>
            <td>{(read.channelIds ?? []).map((id) => channels?.get(id)?.name ?? `#${id}`).join(", ")}</td>
            <td className={read.error ? "state-down" : undefined}>{read.error ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { Link } from "react-router";
import type { ChannelsCreated } from "../types";

/** What a selection became: the channels created, and each item the server refused with its reasons. */
export function CreatedSummary({ result }: { result: ChannelsCreated }) {
  return (
    <div data-testid="discovery-created" aria-live="polite">
      <p>
        {result.created} channel{result.created === 1 ? "" : "s"} created
        {result.failed > 0 ? `, ${result.failed} refused` : ""}.
      </p>
      <ul>
        {result.channels.map((channel) => (
          <li key={channel.id}>
            <Link to={`/admin/channels/${channel.id}`}>{channel.name}</Link>
          </li>
        ))}
      </ul>
      {result.errors.length > 0 && (
        <ul className="field-error" data-testid="discovery-refused">
          {result.errors.map((error) => (
            <li key={error.row}>
              {error.name ?? `item ${error.row}`}: {error.errors.map((e) => `${e.field} ${e.message}`).join("; ")}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/admin/channels">All channels</Link>
      </p>
    </div>
  );
}

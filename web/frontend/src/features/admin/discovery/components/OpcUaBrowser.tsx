import { type FormEvent, useState } from "react";
import { describeError } from "../../../../lib/api/problem";
import { useOpcUaSearch } from "../api/discovery";
import { OpcUaChildren, OpcUaNodeLabel } from "./OpcUaChildren";
import type { BrowserProps } from "./browserProps";
import { PickBox } from "./PickBox";
import { opcUaItem } from "../model/items";

/** The server's address space as a tree from the Objects folder, and a search by name below it. */
export function OpcUaBrowser({ connection, selection }: Omit<BrowserProps, "settings">) {
  const [query, setQuery] = useState("");
  const search = useOpcUaSearch();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (query.trim() !== "") search.mutate({ ...connection, query: query.trim(), maxResults: 200 });
  }

  return (
    <>
      <form className="toolbar discovery-bar" onSubmit={submit} role="search">
        <input
          className="grow"
          aria-label="Find nodes by name"
          placeholder="find by name, e.g. temperature"
          value={query}
          maxLength={200}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="opcua-query"
        />
        <button type="submit" disabled={search.isPending || query.trim() === ""}>
          {search.isPending ? "Searching…" : "Search"}
        </button>
        {search.data && (
          <button type="button" className="button-quiet" onClick={() => search.reset()}>
            Back to the tree
          </button>
        )}
      </form>
      {search.error && (
        <p className="field-error" role="alert">
          {describeError(search.error)}
        </p>
      )}
      <div className="discovery-results">
        {search.data ? (
          <>
            <p className="muted" data-testid="opcua-found">
              {search.data.nodes.length} found among {search.data.visited} nodes
              {search.data.truncated ? ` (stopped early: ${search.data.truncated})` : ""}.
            </p>
            <ul className="tree">
              {search.data.nodes.map((node) => (
                <li key={node.nodeId}>
                  <PickBox item={opcUaItem(node)} selection={selection}>
                    <OpcUaNodeLabel node={node} text={node.path ?? node.displayName} />
                  </PickBox>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <OpcUaChildren connection={connection} nodeId={undefined} selection={selection} />
        )}
      </div>
    </>
  );
}

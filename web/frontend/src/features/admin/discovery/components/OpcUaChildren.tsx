import { useState } from "react";
import { describeError } from "../../../../lib/api/problem";
import { useOpcUaChildren } from "../api/discovery";
import { opcUaItem } from "../model/items";
import type { OpcUaNode } from "../types";
import type { Selection } from "./browserProps";
import { PickBox } from "./PickBox";

/** One level of the address space, loaded when shown, with "more" for the next page of a large folder. */
export function OpcUaChildren({
  connection,
  nodeId,
  selection,
}: {
  connection: Record<string, unknown>;
  nodeId: string | undefined;
  selection: Selection;
}) {
  const children = useOpcUaChildren(connection, nodeId, true);
  if (children.isLoading) return <p className="muted">Browsing…</p>;
  if (children.error)
    return (
      <p className="field-error" role="alert" data-testid="browse-error">
        {describeError(children.error)}
      </p>
    );
  const nodes = children.data?.pages.flatMap((page) => page.nodes) ?? [];
  return (
    <ul className="tree">
      {nodes.length === 0 && <li className="muted">(empty)</li>}
      {nodes.map((node) => (
        <OpcUaTreeNode key={node.nodeId} node={node} connection={connection} selection={selection} />
      ))}
      {children.hasNextPage && (
        <li>
          <button
            type="button"
            className="button-quiet"
            disabled={children.isFetchingNextPage}
            onClick={() => void children.fetchNextPage()}
          >
            {children.isFetchingNextPage ? "Loading…" : "More…"}
          </button>
        </li>
      )}
    </ul>
  );
}

function OpcUaTreeNode({
  node,
  connection,
  selection,
}: {
  node: OpcUaNode;
  connection: Record<string, unknown>;
  selection: Selection;
}) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      {node.hasChildren ? (
        <button
          type="button"
          className="tree-toggle"
          aria-expanded={open}
          aria-label={`${open ? "Fold" : "Open"} ${node.displayName}`}
          onClick={() => setOpen(!open)}
          data-testid={`open-${node.browseName}`}
        >
          {open ? "▾" : "▸"}
        </button>
      ) : (
        <span className="tree-toggle" />
      )}
      <PickBox item={opcUaItem(node)} selection={selection}>
        <OpcUaNodeLabel node={node} text={node.displayName} />
      </PickBox>
      {open && <OpcUaChildren connection={connection} nodeId={node.nodeId} selection={selection} />}
    </li>
  );
}

/** A node's name, and for a variable its type and value (or why no channel can read it). */
export function OpcUaNodeLabel({ node, text }: { node: OpcUaNode; text: string }) {
  const variable = node.nodeClass === "Variable";
  return (
    <span title={node.nodeId}>
      {text}
      {variable && (
        <span className="muted">
          {" "}
          · {node.dataType ?? "?"}
          {node.channelDataType ? ` → ${node.channelDataType}` : " (no channel type)"}
          {node.value !== undefined && node.value !== null ? ` · ${String(node.value)}` : ""}
          {node.valueStatus ? ` · ${node.valueStatus}` : ""}
        </span>
      )}
    </span>
  );
}

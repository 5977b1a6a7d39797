import { useState } from "react";
import { Banner } from "../../../../components/Banner";
import { QueryState } from "../../../../components/QueryState";
import { describeError } from "../../../../lib/api/problem";
import { useChannelDirectory } from "../../../channels";
import { useBatchDefinitions, useDeleteBatchDefinition } from "../api/batches";
import type { BatchDefinition } from "../types";
import { BatchDefinitionDialog } from "./BatchDefinitionDialog";

/** The batch definitions below the rules; ENGINEER and ADMIN create, edit and delete. */
export function BatchDefinitionList({ writer }: { writer: boolean }) {
  const definitions = useBatchDefinitions();
  const directory = useChannelDirectory();
  const remove = useDeleteBatchDefinition();
  const [editing, setEditing] = useState<BatchDefinition | "new" | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = definitions.data?.content ?? [];
  const channel = (id: number | null) => (id === null ? "—" : (directory.data?.get(id)?.name ?? `#${id}`));

  return (
    <section aria-labelledby="batch-heading">
      <div className="page-header">
        <h2 id="batch-heading">Batch definitions</h2>
        <span className="spacer" />
        {writer && (
          <button type="button" onClick={() => setEditing("new")}>
            New batch definition
          </button>
        )}
      </div>
      {failure && <Banner tone="error">{failure}</Banner>}
      <QueryState isLoading={definitions.isLoading} error={definitions.error} what="the batch definitions" />
      {definitions.data && list.length === 0 && <p className="muted">No batch definitions.</p>}
      {list.length > 0 && (
        <table className="list-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Mode</th>
              <th scope="col">Channels</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((definition) => (
              <tr key={definition.id}>
                <th scope="row">{definition.name}</th>
                <td>{definition.mode === "VALUE_CHANGE" ? "value change" : "start/stop"}</td>
                <td>
                  {definition.mode === "VALUE_CHANGE"
                    ? `trigger ${channel(definition.triggerChannelId)}`
                    : `start ${channel(definition.startChannelId)}, stop ${channel(definition.stopChannelId)}, name ${channel(definition.nameChannelId)}`}
                </td>
                <td>{definition.enabled ? "enabled" : "disabled"}</td>
                <td className="actions">
                  {writer && (
                    <>
                      <button type="button" className="button-quiet" onClick={() => setEditing(definition)}>
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button-quiet danger"
                        aria-label={`Delete ${definition.name}`}
                        onClick={async () => {
                          if (!window.confirm(`Delete the batch definition “${definition.name}”?`)) return;
                          setFailure(null);
                          try {
                            await remove.mutateAsync(definition);
                          } catch (error) {
                            setFailure(describeError(error));
                          }
                        }}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null && (
        <BatchDefinitionDialog
          key={editing === "new" ? "new" : editing.id}
          open
          definition={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

import { useState } from "react";
import { Banner } from "../../../../components/Banner";
import { Dialog } from "../../../../components/Dialog";
import { describeErrorWithFields } from "../../../../lib/api/problem";
import type { ChannelDraft } from "../../channels/model/draft";
import { useCreateFromSelection } from "../api/discovery";
import { connectionOf, connectionProblem, type DiscoveryProtocol } from "../model/connection";
import { applyItem, type DiscoveredItem, selectionOf } from "../model/items";
import { CreatedSummary } from "./CreatedSummary";
import { ModbusBrowser } from "./ModbusBrowser";
import { MqttBrowser } from "./MqttBrowser";
import { OpcUaBrowser } from "./OpcUaBrowser";
import type { Selection } from "./browserProps";

const SERVER: Record<DiscoveryProtocol, string> = { OPCUA: "endpointUrl", MQTT: "brokerUrl", MODBUS_TCP: "host" };

/**
 * Browse the server the form's settings reach and pick what to read: one item fills the form; when the channel is new,
 * any number become channels at once (with the form's other fields, through the admin-api's selection endpoint).
 */
export function DiscoveryDialog({
  open,
  draft,
  creating,
  onClose,
  onUse,
}: {
  open: boolean;
  draft: ChannelDraft & { protocol: DiscoveryProtocol };
  /** Whether several channels may be created (a new channel's form, not an edit). */
  creating: boolean;
  onClose: () => void;
  onUse: (draft: ChannelDraft) => void;
}) {
  const [picked, setPicked] = useState<Map<string, DiscoveredItem>>(new Map());
  const create = useCreateFromSelection();
  const problem = connectionProblem(draft);
  const items = [...picked.values()];
  const selection: Selection = {
    has: (key) => picked.has(key),
    toggle: (item) =>
      setPicked((previous) => {
        const next = new Map(previous);
        if (!next.delete(item.key)) next.set(item.key, item);
        return next;
      }),
  };

  function close() {
    setPicked(new Map());
    create.reset();
    onClose();
  }

  return (
    <Dialog
      open={open}
      wide
      title={`Browse ${draft.settings[SERVER[draft.protocol]] || "the server"}`}
      onClose={close}
      actions={
        <>
          <span className="muted spacer" data-testid="discovery-picked">
            {items.length === 0 ? "Tick what to read." : `${items.length} picked`}
          </span>
          {!create.data && (
            <button
              type="button"
              className="button-primary"
              disabled={items.length !== 1}
              title={items.length > 1 ? "The form takes one; create several channels instead" : undefined}
              onClick={() => {
                onUse(applyItem(draft, items[0]));
                close();
              }}
              data-testid="discovery-use"
            >
              Use in the form
            </button>
          )}
          {creating && !create.data && (
            <button
              type="button"
              disabled={items.length === 0 || create.isPending}
              onClick={() => create.mutate(selectionOf(draft, items))}
              data-testid="discovery-create"
            >
              {create.isPending ? "Creating…" : `Create ${items.length || ""} channel${items.length === 1 ? "" : "s"}`}
            </button>
          )}
          <button type="button" onClick={close}>
            Close
          </button>
        </>
      }
    >
      {problem ? (
        <Banner tone="info">{problem}</Banner>
      ) : create.data ? (
        <CreatedSummary result={create.data} />
      ) : (
        <>
          {create.error && (
            <Banner tone="error" testId="discovery-create-error">
              {describeErrorWithFields(create.error)}
            </Banner>
          )}
          {creating && (
            <p className="muted">
              Channels created from here share the form's other fields: unit, poll interval, collector, tags and the
              remaining settings.
            </p>
          )}
          <Browser draft={draft} selection={selection} />
        </>
      )}
    </Dialog>
  );
}

function Browser({
  draft,
  selection,
}: {
  draft: ChannelDraft & { protocol: DiscoveryProtocol };
  selection: Selection;
}) {
  const connection = connectionOf(draft);
  switch (draft.protocol) {
    case "OPCUA":
      return <OpcUaBrowser connection={connection} selection={selection} />;
    case "MQTT":
      return <MqttBrowser connection={connection} settings={draft.settings} selection={selection} />;
    case "MODBUS_TCP":
      return <ModbusBrowser connection={connection} settings={draft.settings} selection={selection} />;
  }
}

import { useState } from "react";
import type { components } from "../../../api/generated/storage-engine";
import { describeError } from "../../../lib/api/problem";
import { hasRole } from "../../../lib/auth/roles";
import { useMe } from "../../../lib/auth/useMe";
import { type Webhook, useDeleteWebhook, useDeliverySummary, useTestWebhook, useWebhooks } from "../api/webhooks";
import { WebhookDialog } from "../components/WebhookDialog";
import { formatFull } from "../format";

type Delivery = components["schemas"]["WebhookDelivery"];

/**
 * The webhooks alarm events are POSTed to, with how their deliveries went: read by every role; engineers and
 * admins create, edit, delete and send a test delivery.
 */
export function WebhooksTab() {
  const webhooks = useWebhooks();
  const me = useMe();
  const mayChange = hasRole(me.data, "ENGINEER");
  // undefined: no dialog; null: a new webhook
  const [editing, setEditing] = useState<Webhook | null>();
  if (webhooks.isPending) return <p className="muted">Loading webhooks…</p>;
  if (webhooks.isError) return <p role="alert">The webhooks could not be read.</p>;
  return (
    <section aria-label="Alarm webhooks">
      {mayChange && (
        <p>
          <button type="button" onClick={() => setEditing(null)} data-testid="webhook-new">
            New webhook
          </button>
        </p>
      )}
      {editing !== undefined && <WebhookDialog webhook={editing} onClose={() => setEditing(undefined)} />}
      {webhooks.data.length === 0 ? (
        <p className="muted">No webhook: alarm events are sent nowhere.</p>
      ) : (
        <WebhookTable webhooks={webhooks.data} mayChange={mayChange} onEdit={setEditing} />
      )}
    </section>
  );
}

function WebhookTable({
  webhooks,
  mayChange,
  onEdit,
}: {
  webhooks: Webhook[];
  mayChange: boolean;
  onEdit: (webhook: Webhook) => void;
}) {
  return (
    <table className="list-table" data-testid="webhook-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Priorities</th>
          <th scope="col">URL</th>
          <th scope="col">Last delivery</th>
          <th scope="col">Deliveries</th>
          {mayChange && <th scope="col" aria-label="Actions" />}
        </tr>
      </thead>
      <tbody>
        {webhooks.map((webhook) => (
          <WebhookRow key={webhook.id} webhook={webhook} mayChange={mayChange} onEdit={onEdit} />
        ))}
      </tbody>
    </table>
  );
}

function WebhookRow({
  webhook,
  mayChange,
  onEdit,
}: {
  webhook: Webhook;
  mayChange: boolean;
  onEdit: (webhook: Webhook) => void;
}) {
  const summary = useDeliverySummary(webhook.id);
  const test = useTestWebhook();
  const remove = useDeleteWebhook();
  return (
    <tr data-testid="webhook-row">
      <td>
        {webhook.name}
        {!webhook.enabled && <span className="muted"> (disabled)</span>}
      </td>
      <td>{webhook.priorities.join(", ")}</td>
      <td className="muted">{webhook.url}</td>
      <td data-testid="webhook-last-delivery">
        {summary.data ? describe(summary.data.lastDelivery) : summary.isError ? "unknown" : "…"}
      </td>
      <td data-testid="webhook-counts">
        {summary.data &&
          `${summary.data.delivered} delivered, ${summary.data.pending} pending, ${summary.data.failed} failed`}
      </td>
      {mayChange && (
        <td>
          <button
            type="button"
            className="button-quiet"
            disabled={!webhook.enabled || test.isPending}
            onClick={() => test.mutate(webhook.id)}
            data-testid="webhook-test"
          >
            Send test
          </button>
          <button type="button" className="button-quiet" onClick={() => onEdit(webhook)} data-testid="webhook-edit">
            Edit
          </button>
          <button
            type="button"
            className="button-quiet"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the webhook “${webhook.name}”? Its pending deliveries are discarded.`)) {
                remove.mutate(webhook);
              }
            }}
            data-testid="webhook-delete"
          >
            Delete
          </button>
          {remove.isError && <span role="alert">{describeError(remove.error)}</span>}
        </td>
      )}
    </tr>
  );
}

/**
 * "Delivered (204) 06/12/2026, 14:03:27" (local time), "Retrying (HTTP 503), attempt 3", "Failed after 12 attempts:
 * ConnectException" or "None yet".
 */
export function describe(delivery: Delivery | null | undefined): string {
  if (!delivery) return "None yet";
  const when = formatFull(delivery.lastAttemptAt ?? delivery.createdAt);
  switch (delivery.status) {
    case "DELIVERED":
      return `Delivered (${delivery.lastStatusCode}) ${when}`;
    case "PENDING":
      return `Retrying (${delivery.lastError ?? "in progress"}), attempt ${delivery.attempts}`;
    case "FAILED":
      return `Failed after ${delivery.attempts} attempts: ${delivery.lastError ?? "unknown"}`;
    default:
      return `Discarded: ${delivery.lastError ?? "webhook disabled"}`;
  }
}

import type { components } from "../../../api/generated/storage-engine";
import { hasRole } from "../../../lib/auth/roles";
import { useMe } from "../../../lib/auth/useMe";
import { useDeliverySummary, useTestWebhook, useWebhooks } from "../api/webhooks";

type Delivery = components["schemas"]["WebhookDelivery"];

/**
 * The webhooks alarm events are POSTed to, with how their deliveries went: read by every role, a test delivery
 * for engineers and admins. Creating and editing them is the admin-api's /api/v1/alarms/webhooks.
 */
export function WebhooksTab() {
  const webhooks = useWebhooks();
  const me = useMe();
  const mayTest = hasRole(me.data, "ENGINEER");
  if (webhooks.isPending) return <p className="muted">Loading webhooks…</p>;
  if (webhooks.isError) return <p role="alert">The webhooks could not be read.</p>;
  if (webhooks.data.length === 0) {
    return <p className="muted">No webhook: alarm events are sent nowhere.</p>;
  }
  return (
    <section aria-label="Alarm webhooks">
      <table className="list-table" data-testid="webhook-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Priorities</th>
            <th scope="col">URL</th>
            <th scope="col">Last delivery</th>
            <th scope="col">Deliveries</th>
            {mayTest && <th scope="col" aria-label="Actions" />}
          </tr>
        </thead>
        <tbody>
          {webhooks.data.map((webhook) => (
            <WebhookRow key={webhook.id} webhook={webhook} mayTest={mayTest} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function WebhookRow({
  webhook,
  mayTest,
}: {
  webhook: { id: number; name: string; url: string; priorities: string[]; enabled: boolean };
  mayTest: boolean;
}) {
  const summary = useDeliverySummary(webhook.id);
  const test = useTestWebhook();
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
      {mayTest && (
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
        </td>
      )}
    </tr>
  );
}

/** "Delivered (204) 2026-…", "Retrying (HTTP 503), attempt 3", "Failed: ConnectException" or "None yet". */
export function describe(delivery: Delivery | null | undefined): string {
  if (!delivery) return "None yet";
  const when = delivery.lastAttemptAt ?? delivery.createdAt;
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

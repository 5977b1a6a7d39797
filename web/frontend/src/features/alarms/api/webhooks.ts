import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "../../../api/generated/admin-api";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";

export type Webhook = components["schemas"]["AlarmWebhook"];
export type WebhookRequest = components["schemas"]["AlarmWebhookRequest"];

const KEY = ["alarms", "webhooks"] as const;

/** The webhooks (admin-api, every role reads), ordered by name; a plant has a handful. */
export function useWebhooks() {
  const { admin } = useClients();
  return useQuery({
    queryKey: KEY,
    queryFn: async ({ signal }) =>
      unwrap(admin.GET("/api/v1/alarms/webhooks", { params: { query: { size: 100 } }, signal })).then(
        (page) => page.content,
      ),
  });
}

/** A webhook's delivery counts and last delivery (storage engine), refreshed while the page is open. */
export function useDeliverySummary(id: number) {
  const { storage } = useClients();
  return useQuery({
    queryKey: ["alarms", "webhooks", id, "deliveries"],
    refetchInterval: 10_000,
    queryFn: async ({ signal }) =>
      unwrap(
        storage.GET("/api/v1/alarms/webhooks/{id}/deliveries", {
          params: { path: { id }, query: { size: 1 } },
          signal,
        }),
      ).then((page) => page.summary),
  });
}

/** Queues a test delivery (ENGINEER, ADMIN); its outcome shows in the summary. */
export function useTestWebhook() {
  const { storage } = useClients();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(storage.POST("/api/v1/alarms/webhooks/{id}/test", { params: { path: { id } } })),
    onSuccess: (_, id) => queries.invalidateQueries({ queryKey: ["alarms", "webhooks", id, "deliveries"] }),
  });
}

/** Creates a webhook (id null) or replaces one, with the version edited in the request (a stale one is a 409). */
export function useSaveWebhook() {
  const { admin } = useClients();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request }: { id: number | null; request: WebhookRequest }) =>
      id === null
        ? unwrap(admin.POST("/api/v1/alarms/webhooks", { body: request }))
        : unwrap(admin.PUT("/api/v1/alarms/webhooks/{id}", { params: { path: { id } }, body: request })),
    onSuccess: () => queries.invalidateQueries({ queryKey: KEY }),
  });
}

/** Deletes the version shown; its pending deliveries are discarded. */
export function useDeleteWebhook() {
  const { admin } = useClients();
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (webhook: Webhook) =>
      unwrap(
        admin.DELETE("/api/v1/alarms/webhooks/{id}", {
          params: { path: { id: webhook.id }, header: { "If-Match": `"${webhook.version}"` } },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: KEY }),
  });
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";

/** The webhooks (admin-api, every role reads), ordered by name; a plant has a handful. */
export function useWebhooks() {
  const { admin } = useClients();
  return useQuery({
    queryKey: ["alarms", "webhooks"],
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

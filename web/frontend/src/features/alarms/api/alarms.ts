import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useClients } from "../../../lib/api/ClientsContext";
import { type Clients, unwrap } from "../../../lib/api/clients";
import { ApiError } from "../../../lib/api/problem";
import type { ActiveAlarm, JournalQuery } from "../types";
import { useActiveAlarmsStore } from "../AlarmsProvider";

export const JOURNAL_PAGE_SIZE = 50;

/** GET /api/v1/alarms/active, for polling when the router sends no alarm messages. */
export function fetchActive(storage: Clients["storage"]): Promise<ActiveAlarm[]> {
  return unwrap(storage.GET("/api/v1/alarms/active")).then((page) => page.content);
}

/** Acknowledges an alarm (every role), with an optional comment. */
export function useAcknowledge() {
  const { storage } = useClients();
  const store = useActiveAlarmsStore();
  return useMutation({
    mutationFn: ({ definitionId, comment }: { definitionId: number; comment?: string }) =>
      unwrap(
        storage.POST("/api/v1/alarms/{definitionId}/acknowledge", {
          params: { path: { definitionId } },
          body: comment ? { comment } : {},
        }),
      ),
    onSuccess: (alarm) => store.applied(alarm),
    onError: (error, { definitionId }) => forgetIfGone(store, error, definitionId),
  });
}

/** Shelves an alarm for an ISO-8601 duration, PT0S unshelves (ENGINEER, ADMIN). */
export function useShelve() {
  const { storage } = useClients();
  const store = useActiveAlarmsStore();
  return useMutation({
    mutationFn: ({ definitionId, duration }: { definitionId: number; duration: string }) =>
      unwrap(
        storage.POST("/api/v1/alarms/{definitionId}/shelve", {
          params: { path: { definitionId } },
          body: { duration },
        }),
      ),
    onSuccess: (alarm) => store.applied(alarm),
    onError: (error, { definitionId }) => forgetIfGone(store, error, definitionId),
  });
}

/** A 404 says the definition was deleted or disabled: the live feed sends no message for that. */
function forgetIfGone(store: ReturnType<typeof useActiveAlarmsStore>, error: unknown, definitionId: number) {
  if (error instanceof ApiError && error.status === 404) store.forget(definitionId);
}

/** A page of the journal, newest first, filtered as the API filters. */
export function useJournal(query: JournalQuery) {
  const { storage } = useClients();
  return useQuery({
    queryKey: ["alarms", "journal", query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        storage.GET("/api/v1/alarms/journal", {
          params: { query: { ...query, size: JOURNAL_PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

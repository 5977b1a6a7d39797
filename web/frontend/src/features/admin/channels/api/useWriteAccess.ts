import { useQuery } from "@tanstack/react-query";
import { useClients } from "../../../../lib/api/ClientsContext";
import { ApiError } from "../../../../lib/api/problem";

/**
 * Asks the admin-api whether the signed-in user may change channels, with a request that changes nothing: an
 * import of no rows. A refusal is the server's own 403 problem, so an edit page opened by URL shows what the
 * server says rather than the app's guess.
 */
export function useWriteAccess(enabled: boolean) {
  const { admin } = useClients();
  return useQuery({
    queryKey: ["channels", "write-access"],
    enabled,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const { response, error } = await admin.POST("/api/v1/io/channels/import", { body: [] });
      if (response.ok) return { allowed: true as const };
      const failure = await ApiError.from(response, error);
      if (failure.status === 403) return { allowed: false as const, refusal: failure };
      throw failure;
    },
  });
}

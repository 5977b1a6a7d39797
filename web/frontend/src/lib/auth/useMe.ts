import { useQuery } from "@tanstack/react-query";
import type { components } from "../../api/generated/admin-api";
import { unwrap } from "../api/clients";
import { useClients } from "../api/ClientsContext";

export type Me = components["schemas"]["CurrentUser"];

/** The signed-in user (GET /api/v1/auth/me), for the header and for what the UI offers to each role. */
export function useMe() {
  const { admin } = useClients();
  return useQuery({
    queryKey: ["auth", "me"],
    queryFn: async ({ signal }) => unwrap(admin.GET("/api/v1/auth/me", { signal })),
    staleTime: 5 * 60_000,
  });
}

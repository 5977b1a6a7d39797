import { useQuery } from "@tanstack/react-query";
import { unwrap } from "../api/clients";
import { useClients } from "../api/ClientsContext";

export type Role = "ADMIN" | "ENGINEER" | "OPERATOR";

export interface Me {
  id: number;
  username: string;
  role: Role;
}

/** The signed-in user (GET /api/v1/auth/me), for the header and for what the UI offers to each role. */
export function useMe() {
  const { admin } = useClients();
  return useQuery({
    queryKey: ["auth", "me"],
    queryFn: async ({ signal }) => (await unwrap(admin.GET("/api/v1/auth/me", { signal }))) as Me,
    staleTime: 5 * 60_000,
  });
}

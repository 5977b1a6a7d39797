import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";
import type { NewUser, Role, User } from "../types";

const KEY = ["users"] as const;
export const USERS_PAGE_SIZE = 50;

/** One page of users by user name (ADMIN; others get 403). */
export function useUsers(page: number) {
  const { admin } = useClients();
  return useQuery({
    queryKey: [...KEY, "list", page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(admin.GET("/api/v1/users", { params: { query: { page, size: USERS_PAGE_SIZE } }, signal })),
  });
}

export function useCreateUser() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (user: NewUser) => unwrap(admin.POST("/api/v1/users", { body: user })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Role and enabled state, sent with the version shown (a stale one is a 409). Ends the user's sessions. */
export function useUpdateUser() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ user, role, enabled }: { user: User; role?: Role; enabled?: boolean }) =>
      unwrap(
        admin.PUT("/api/v1/users/{id}", {
          params: { path: { id: user.id } },
          body: { role, enabled, version: user.version },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Own password (with the current one) or, for ADMIN, anyone's. Ends that user's sessions. */
export function useChangePassword() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async ({
      id,
      currentPassword,
      newPassword,
    }: {
      id: number;
      currentPassword?: string;
      newPassword: string;
    }) =>
      unwrap(
        admin.PUT("/api/v1/users/{id}/password", {
          params: { path: { id } },
          body: { currentPassword, newPassword },
        }),
      ),
  });
}

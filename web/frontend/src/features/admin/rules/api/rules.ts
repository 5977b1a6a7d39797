import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";
import type { StorageRule, StorageRuleRequest } from "../types";

const KEY = ["storage-rules"] as const;
export const RULES_PAGE_SIZE = 50;

export function useStorageRules(name: string, page: number) {
  const { admin } = useClients();
  const filter = name.trim();
  return useQuery({
    queryKey: [...KEY, "list", filter, page],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        admin.GET("/api/v1/storage/rules", {
          params: { query: { name: filter || undefined, page, size: RULES_PAGE_SIZE } },
          signal,
        }),
      ),
  });
}

export function useStorageRule(id: number | null) {
  const { admin } = useClients();
  return useQuery({
    queryKey: [...KEY, "one", id],
    enabled: id !== null,
    queryFn: async ({ signal }) =>
      unwrap(admin.GET("/api/v1/storage/rules/{id}", { params: { path: { id: id ?? 0 } }, signal })),
  });
}

/** Creates (no id) or replaces with the version edited; a stale version is a 409 /problems/version-conflict. */
export function useSaveStorageRule() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request }: { id: number | null; request: StorageRuleRequest }) =>
      id === null
        ? unwrap(admin.POST("/api/v1/storage/rules", { body: request }))
        : unwrap(admin.PUT("/api/v1/storage/rules/{id}", { params: { path: { id } }, body: request })),
    onSuccess: (saved: StorageRule) => {
      queryClient.setQueryData([...KEY, "one", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, "list"] });
    },
  });
}

export function useDeleteStorageRule() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (rule: StorageRule) =>
      unwrap(
        admin.DELETE("/api/v1/storage/rules/{id}", {
          params: { path: { id: rule.id }, header: { "If-Match": `"${rule.version}"` } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

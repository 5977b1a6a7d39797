import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";
import type { BatchDefinition, BatchDefinitionRequest } from "../types";

const KEY = ["batch-definitions"] as const;

export function useBatchDefinitions() {
  const { admin } = useClients();
  return useQuery({
    queryKey: [...KEY, "list"],
    queryFn: async ({ signal }) =>
      unwrap(admin.GET("/api/v1/storage/batch-definitions", { params: { query: { size: 200 } }, signal })),
  });
}

export function useBatchDefinition(id: number | null) {
  const { admin } = useClients();
  return useQuery({
    queryKey: [...KEY, "one", id],
    enabled: id !== null,
    queryFn: async ({ signal }) =>
      unwrap(admin.GET("/api/v1/storage/batch-definitions/{id}", { params: { path: { id: id ?? 0 } }, signal })),
  });
}

export function useSaveBatchDefinition() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request }: { id: number | null; request: BatchDefinitionRequest }) =>
      id === null
        ? unwrap(admin.POST("/api/v1/storage/batch-definitions", { body: request }))
        : unwrap(admin.PUT("/api/v1/storage/batch-definitions/{id}", { params: { path: { id } }, body: request })),
    onSuccess: (saved: BatchDefinition) => {
      queryClient.setQueryData([...KEY, "one", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, "list"] });
    },
  });
}

export function useDeleteBatchDefinition() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (definition: BatchDefinition) =>
      unwrap(
        admin.DELETE("/api/v1/storage/batch-definitions/{id}", {
          params: { path: { id: definition.id }, header: { "If-Match": `"${definition.version}"` } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

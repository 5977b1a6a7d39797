import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";
import type { Dashboard, DashboardRequest, DashboardTemplate } from "../types";

const KEY = ["dashboards"] as const;

/** Shared dashboards and the user's own, filtered by a part of the name. */
export function useDashboards(name: string) {
  const { admin } = useClients();
  const filter = name.trim();
  return useQuery({
    queryKey: [...KEY, "list", filter],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        admin.GET("/api/v1/dashboards", {
          params: { query: { name: filter || undefined, size: 200, sort: ["name"] } },
          signal,
        }),
      ),
  });
}

export function useDashboard(id: number) {
  const { admin } = useClients();
  return useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: async ({ signal }) => unwrap(admin.GET("/api/v1/dashboards/{id}", { params: { path: { id } }, signal })),
  });
}

export function useCreateDashboard() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: DashboardRequest) => unwrap(admin.POST("/api/v1/dashboards", { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Saves with the version the user edited; a stale one is a 409 /problems/version-conflict. */
export function useSaveDashboard() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request }: { id: number; request: DashboardRequest }) =>
      unwrap(admin.PUT("/api/v1/dashboards/{id}", { params: { path: { id } }, body: request })),
    onSuccess: (saved: Dashboard) => {
      queryClient.setQueryData([...KEY, "one", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: [...KEY, "list"] });
    },
  });
}

export function useDeleteDashboard() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (dashboard: Dashboard) =>
      unwrap(
        admin.DELETE("/api/v1/dashboards/{id}", {
          params: { path: { id: dashboard.id }, header: { "If-Match": `"${dashboard.version}"` } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useExportDashboard() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (id: number) =>
      unwrap(admin.POST("/api/v1/dashboards/{id}/export", { params: { path: { id } } })),
  });
}

export function useImportDashboard() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (template: DashboardTemplate) =>
      unwrap(admin.POST("/api/v1/dashboards/import", { body: template })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

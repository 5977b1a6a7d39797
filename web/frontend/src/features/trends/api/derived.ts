import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "../../../api/generated/analytics-engine";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";

export type DerivedSignal = components["schemas"]["DerivedSignal"];
export type DerivedSignalRequest = components["schemas"]["DerivedSignalRequest"];
export type EvaluateRequest = components["schemas"]["EvaluateRequest"];
export type EvaluateResult = components["schemas"]["EvaluateResult"];

/** The saved derived signals (at most 500, by name), for picking them like channels. */
export function useDerivedSignals() {
  const { analytics } = useClients();
  return useQuery({
    queryKey: ["derived-signals"],
    staleTime: 30_000,
    queryFn: async ({ signal }) => {
      const page = await unwrap(
        analytics.GET("/api/v1/analytics/derived/signals", { params: { query: { page: 0, size: 500 } }, signal }),
      );
      return [...page.content].sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

export function useSaveDerivedSignal() {
  const { analytics } = useClients();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DerivedSignalRequest) => unwrap(analytics.POST("/api/v1/analytics/derived/signals", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["derived-signals"] }),
  });
}

export function useDeleteDerivedSignal() {
  const { analytics } = useClients();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(analytics.DELETE("/api/v1/analytics/derived/signals/{id}", { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["derived-signals"] }),
  });
}

/** A formula evaluated over a range without saving it (the builder's preview). */
export function useEvaluateFormula() {
  const { analytics } = useClients();
  return useMutation({
    mutationFn: (body: EvaluateRequest) => unwrap(analytics.POST("/api/v1/analytics/derived/evaluate", { body })),
  });
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components as CollectorSchemas } from "../../../../api/generated/collector";
import type { components as StorageSchemas } from "../../../../api/generated/storage-engine";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";
import { ApiError } from "../../../../lib/api/problem";

export type CollectorStatus = CollectorSchemas["schemas"]["StatusView"];
export type EngineStatus = CollectorSchemas["schemas"]["Engine"];
export type PlannedRead = CollectorSchemas["schemas"]["PlannedRead"];
export type Certificate = CollectorSchemas["schemas"]["CertificateView"];
export type StorageStatus = StorageSchemas["schemas"]["StorageStatus"];

/** How often the status page asks again. */
export const REFRESH_MS = 3000;

export function useCollectorStatus() {
  const { collector } = useClients();
  return useQuery({
    queryKey: ["status", "collector"],
    refetchInterval: REFRESH_MS,
    queryFn: async ({ signal }) => unwrap(collector.GET("/api/v1/collector/status", { signal })),
  });
}

export function useStorageStatus() {
  const { storage } = useClients();
  return useQuery({
    queryKey: ["status", "storage"],
    refetchInterval: REFRESH_MS,
    queryFn: async ({ signal }) => unwrap(storage.GET("/api/v1/storage/status", { signal })),
  });
}

const TRUST_LIST = ["status", "opcua-certificates"] as const;

export function useTrustList() {
  const { collector } = useClients();
  return useQuery({
    queryKey: TRUST_LIST,
    refetchInterval: 10_000,
    queryFn: async ({ signal }) => unwrap(collector.GET("/api/v1/collector/opcua/certificates", { signal })),
  });
}

export function useTrustCertificate() {
  const { collector } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (thumbprint: string) =>
      unwrap(
        collector.POST("/api/v1/collector/opcua/certificates/{thumbprint}/trust", {
          params: { path: { thumbprint } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TRUST_LIST }),
  });
}

export function useRemoveCertificate() {
  const { collector } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (thumbprint: string) =>
      unwrap(
        collector.DELETE("/api/v1/collector/opcua/certificates/{thumbprint}", { params: { path: { thumbprint } } }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TRUST_LIST }),
  });
}

/** The collector's own certificate (DER) as a download, for an OPC UA server's trust list. */
export function useDownloadOwnCertificate() {
  const { collector } = useClients();
  return useMutation({
    mutationFn: async () => {
      const { data, response } = await collector.GET("/api/v1/collector/opcua/certificates/own", {
        parseAs: "blob",
        headers: { Accept: "application/pkix-cert" },
      });
      if (!response.ok || !data) throw await ApiError.from(response);
      const url = URL.createObjectURL(data as Blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = "parx-collector.der";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

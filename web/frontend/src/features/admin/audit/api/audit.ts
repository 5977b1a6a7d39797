import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { components, operations } from "../../../../api/generated/admin-api";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";

export type AuditEvent = components["schemas"]["AuditEvent"];
export type AuditQuery = NonNullable<operations["listAuditEvents"]["parameters"]["query"]>;
export type AuditAction = NonNullable<AuditQuery["action"]>;

export const AUDIT_PAGE_SIZE = 50;

/** Audit events newest first, filtered as the API filters (ADMIN; others get 403). */
export function useAuditEvents(query: AuditQuery) {
  const { admin } = useClients();
  return useQuery({
    queryKey: ["audit", query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(admin.GET("/api/v1/audit", { params: { query: { ...query, size: AUDIT_PAGE_SIZE } }, signal })),
  });
}

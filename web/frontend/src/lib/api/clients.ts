import createClient from "openapi-fetch";
import type { paths as AdminPaths } from "../../api/generated/admin-api";
import type { paths as AnalyticsPaths } from "../../api/generated/analytics-engine";
import type { paths as CollectorPaths } from "../../api/generated/collector";
import type { paths as StoragePaths } from "../../api/generated/storage-engine";
import type { SessionStore } from "../auth/session";
import { authFetch } from "./authFetch";
import { ApiError } from "./problem";

/** Typed clients of the services behind the gateway (same origin), generated from their OpenAPI documents. */
export function createClients(session: SessionStore) {
  const fetch = authFetch(session);
  return {
    admin: createClient<AdminPaths>({ baseUrl: window.location.origin, fetch }),
    analytics: createClient<AnalyticsPaths>({ baseUrl: window.location.origin, fetch }),
    collector: createClient<CollectorPaths>({ baseUrl: window.location.origin, fetch }),
    storage: createClient<StoragePaths>({ baseUrl: window.location.origin, fetch }),
  };
}

export type Clients = ReturnType<typeof createClients>;

/** The answer's data, or an {@link ApiError} carrying the problem+json of a failed request. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw await ApiError.from(response, error);
  return data as T;
}

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";
import type { ChannelSelection, OpcUaBrowsePage } from "../types";

type Body = Record<string, unknown>;

/**
 * The children of one OPC UA node, page by page (the server's continuation as the cursor); kept per connection and
 * node while the dialog is open, so that folding a folder and opening it again does not ask the server again.
 */
export function useOpcUaChildren(connection: Body, nodeId: string | undefined, enabled: boolean) {
  const { admin } = useClients();
  return useInfiniteQuery({
    queryKey: ["discovery", "opcua", connection, nodeId ?? ""],
    enabled,
    staleTime: 60_000,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: OpcUaBrowsePage) => page.nextCursor ?? undefined,
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        admin.POST("/api/v1/io/discovery/opcua/browse", {
          body: { ...connection, ...(nodeId ? { nodeId } : {}), ...(pageParam ? { cursor: pageParam } : {}) } as never,
          signal,
        }),
      ),
  });
}

export function useOpcUaSearch() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) => unwrap(admin.POST("/api/v1/io/discovery/opcua/search", { body: body as never })),
  });
}

/** Listens on the broker for a few seconds (the request lasts that long). */
export function useMqttTopics() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) => unwrap(admin.POST("/api/v1/io/discovery/mqtt/topics", { body: body as never })),
  });
}

export function useSparkplugSurvey() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) => unwrap(admin.POST("/api/v1/io/discovery/sparkplug", { body: body as never })),
  });
}

export function useModbusRegisters() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) =>
      unwrap(admin.POST("/api/v1/io/discovery/modbus/registers", { body: body as never })),
  });
}

/** Creates a channel per selected item; the channel lists refresh. */
export function useCreateFromSelection() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (selection: ChannelSelection) =>
      unwrap(admin.POST("/api/v1/io/discovery/channels", { body: selection })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["channels"] }),
  });
}

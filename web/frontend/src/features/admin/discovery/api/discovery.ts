import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";
import type {
  ChannelsCreated,
  OpcUaBrowsePage,
  OpcUaSearchResult,
  RegisterSurveyResult,
  SparkplugSurveyResult,
  TopicSurveyResult,
} from "../types";

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
      ) as Promise<OpcUaBrowsePage>,
  });
}

export function useOpcUaSearch() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) =>
      unwrap(admin.POST("/api/v1/io/discovery/opcua/search", { body: body as never })) as Promise<OpcUaSearchResult>,
  });
}

/** Listens on the broker for a few seconds (the request lasts that long). */
export function useMqttTopics() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) =>
      unwrap(admin.POST("/api/v1/io/discovery/mqtt/topics", { body: body as never })) as Promise<TopicSurveyResult>,
  });
}

export function useSparkplugSurvey() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) =>
      unwrap(admin.POST("/api/v1/io/discovery/sparkplug", { body: body as never })) as Promise<SparkplugSurveyResult>,
  });
}

export function useModbusRegisters() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (body: Body) =>
      unwrap(
        admin.POST("/api/v1/io/discovery/modbus/registers", { body: body as never }),
      ) as Promise<RegisterSurveyResult>,
  });
}

/** Creates a channel per selected item; the channel lists refresh. */
export function useCreateFromSelection() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (selection: Body) =>
      unwrap(admin.POST("/api/v1/io/discovery/channels", { body: selection as never })) as Promise<ChannelsCreated>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["channels"] }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";
import { apiFilter, type ChannelListQuery } from "../model/listQuery";
import type { Channel, ChannelRequest } from "../types";

// Every key starts with "channels": the channel directory and search of features/channels refresh with them.
const KEY = ["channels"] as const;

/** One page of the channel list, paged and sorted by the server; the previous page stays while the next loads. */
export function useChannelPage(query: ChannelListQuery) {
  const { admin } = useClients();
  return useQuery({
    queryKey: [...KEY, "admin-page", query],
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) =>
      unwrap(
        admin.GET("/api/v1/io/channels", {
          params: { query: { ...apiFilter(query), page: query.page, size: query.size } },
          signal,
        }),
      ),
  });
}

export function useChannel(id: number | null) {
  const { admin } = useClients();
  return useQuery({
    queryKey: [...KEY, "one", id],
    enabled: id !== null,
    queryFn: async ({ signal }) =>
      unwrap(admin.GET("/api/v1/io/channels/{id}", { params: { path: { id: id ?? 0 } }, signal })),
  });
}

export function useCreateChannel() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: ChannelRequest) => unwrap(admin.POST("/api/v1/io/channels", { body: request })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Saves with the version in the request; a stale one is a 409 /problems/version-conflict. */
export function useUpdateChannel() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, request }: { id: number; request: ChannelRequest }) =>
      unwrap(admin.PUT("/api/v1/io/channels/{id}", { params: { path: { id } }, body: request })),
    onSuccess: (saved: Channel) => {
      queryClient.setQueryData([...KEY, "one", saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: KEY, predicate: (q) => q.queryKey[1] !== "one" });
    },
  });
}

/** Enables or disables a channel as read: the channel is sent back whole with its version. */
export function useSetEnabled() {
  const update = useUpdateChannel();
  return {
    ...update,
    mutateAsync: (channel: Channel, enabled: boolean) =>
      update.mutateAsync({ id: channel.id, request: { ...asRequest(channel), enabled } }),
  };
}

export function useDeleteChannel() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (channel: Channel) =>
      unwrap(
        admin.DELETE("/api/v1/io/channels/{id}", {
          params: { path: { id: channel.id }, header: { "If-Match": `"${channel.version}"` } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useTestChannel() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (id: number) => unwrap(admin.POST("/api/v1/io/channels/{id}/test", { params: { path: { id } } })),
  });
}

/** Uploads a CSV text or a JSON array of channels; the answer counts the rows and lists the rejected ones. */
export function useImportChannels() {
  const { admin } = useClients();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: { kind: "csv"; text: string } | { kind: "json"; rows: unknown[] }) =>
      unwrap(
        file.kind === "csv"
          ? admin.POST("/api/v1/io/channels/import", {
              body: file.text as never,
              bodySerializer: (body: unknown) => body as string,
              headers: { "Content-Type": "text/csv; charset=utf-8" },
            })
          : admin.POST("/api/v1/io/channels/import", { body: file.rows as ChannelRequest[] }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** The filtered list as CSV in the import's layout (the server writes it; at most 10,000 channels). */
export function useExportChannels() {
  const { admin } = useClients();
  return useMutation({
    mutationFn: async (query: ChannelListQuery) =>
      unwrap(
        admin.GET("/api/v1/io/channels/export", {
          params: { query: apiFilter(query) },
          parseAs: "text",
          headers: { Accept: "text/csv, application/problem+json" },
        }),
      ) as Promise<string>,
  });
}

/** The request that stores the channel as it is (the read-only fields are accepted and ignored by the server). */
export function asRequest(channel: Channel): ChannelRequest {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = channel;
  return rest as ChannelRequest;
}

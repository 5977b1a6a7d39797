import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";

/**
 * Channels whose name contains the text, or that carry it as a tag ("tag:line1" searches tags only). At most 50 of
 * each, for pickers.
 */
export function useChannelSearch(text: string) {
  const { admin } = useClients();
  const term = text.trim();
  const tagOnly = term.startsWith("tag:");
  const tag = tagOnly ? term.slice(4).trim() : term;
  return useQuery({
    queryKey: ["channels", "search", term],
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    queryFn: async ({ signal }) => {
      const byName = tagOnly
        ? Promise.resolve({ content: [] })
        : unwrap(
            admin.GET("/api/v1/io/channels", { params: { query: { name: term, size: 50, sort: ["name"] } }, signal }),
          );
      const byTag = tag
        ? unwrap(admin.GET("/api/v1/io/channels", { params: { query: { tag, size: 50, sort: ["name"] } }, signal }))
        : Promise.resolve({ content: [] });
      const [names, tags] = await Promise.all([byName, byTag]);
      const seen = new Map((names.content ?? []).map((channel) => [channel.id, channel]));
      for (const channel of tags.content ?? []) seen.set(channel.id, channel);
      return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

import { useQuery } from "@tanstack/react-query";
import { useClients } from "../../../lib/api/ClientsContext";
import { unwrap } from "../../../lib/api/clients";
import type { Channel } from "../types";

const PAGE_SIZE = 500;
/** A bound on what the browser loads: 20,000 channels in 40 requests. */
const MAX_PAGES = 40;

/**
 * Every channel by id (name, unit, data type, tags), for labelling widgets. Loaded page by page once and kept for
 * a minute; dashboards of any size need one request per 500 channels instead of one per widget.
 */
export function useChannelDirectory() {
  const { admin } = useClients();
  return useQuery({
    queryKey: ["channels", "directory"],
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const byId = new Map<number, Channel>();
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = await unwrap(
          admin.GET("/api/v1/io/channels", { params: { query: { page, size: PAGE_SIZE, sort: ["name"] } }, signal }),
        );
        for (const channel of answer.content ?? []) byId.set(channel.id, channel);
        if (page + 1 >= (answer.page?.totalPages ?? 0)) break;
      }
      return byId;
    },
  });
}

import { useClients } from "../../../../lib/api/ClientsContext";
import { unwrap } from "../../../../lib/api/clients";

const PAGE_SIZE = 500;
/** A bound on one "select all of a tag": 20,000 channels. */
const MAX_PAGES = 40;

/** The ids of every channel carrying a tag, paged through the channel list. */
export function useChannelsOfTag() {
  const { admin } = useClients();
  return async (tag: string): Promise<number[]> => {
    const ids: number[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await unwrap(
        admin.GET("/api/v1/io/channels", { params: { query: { tag, page, size: PAGE_SIZE, sort: ["name"] } } }),
      );
      ids.push(...(answer.content ?? []).map((channel) => channel.id));
      if (page + 1 >= (answer.page?.totalPages ?? 0)) break;
    }
    return ids;
  };
}

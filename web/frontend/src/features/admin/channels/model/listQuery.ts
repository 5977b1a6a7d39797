// The channel list's filters, sort and page live in the URL (/admin/channels?tag=line1&page=2&sort=name,desc), so
// that a filtered view can be bookmarked, shared and returned to with the back button.
import { PROTOCOLS, type Protocol } from "./protocols";

export interface ChannelListQuery {
  name: string;
  tag: string;
  protocol: Protocol | "";
  device: string;
  collector: string;
  enabled: "" | "true" | "false";
  page: number;
  size: number;
  /** "name,asc"; properties the admin-api sorts by. */
  sort: string;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const SORTABLE = ["name", "protocol", "dataType", "collector", "updatedAt"] as const;
const DEFAULT_SIZE = 50;
const FILTERS = ["name", "tag", "device", "collector"] as const;

export function readListQuery(params: URLSearchParams): ChannelListQuery {
  const protocol = params.get("protocol") ?? "";
  const enabled = params.get("enabled") ?? "";
  const page = Number(params.get("page") ?? "0");
  const size = Number(params.get("size") ?? DEFAULT_SIZE);
  const sort = params.get("sort") ?? "name,asc";
  const [property, direction] = sort.split(",");
  return {
    name: (params.get("name") ?? "").slice(0, 200),
    tag: (params.get("tag") ?? "").slice(0, 100),
    device: (params.get("device") ?? "").slice(0, 200),
    collector: (params.get("collector") ?? "").slice(0, 100),
    protocol: (PROTOCOLS as readonly string[]).includes(protocol) ? (protocol as Protocol) : "",
    enabled: enabled === "true" || enabled === "false" ? enabled : "",
    page: Number.isInteger(page) && page >= 0 && page < 1_000_000 ? page : 0,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE,
    sort: (SORTABLE as readonly string[]).includes(property)
      ? `${property},${direction === "desc" ? "desc" : "asc"}`
      : "name,asc",
  };
}

/** The URL's search parameters: defaults are left out to keep links short. */
export function writeListQuery(query: ChannelListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (query[key].trim()) params.set(key, query[key].trim());
  if (query.protocol) params.set("protocol", query.protocol);
  if (query.enabled) params.set("enabled", query.enabled);
  if (query.sort !== "name,asc") params.set("sort", query.sort);
  if (query.size !== DEFAULT_SIZE) params.set("size", String(query.size));
  if (query.page > 0) params.set("page", String(query.page));
  return params;
}

/** The admin-api's query parameters for the list and the export (the export ignores page and size). */
export function apiFilter(query: ChannelListQuery) {
  return {
    name: query.name.trim() || undefined,
    tag: query.tag.trim() || undefined,
    protocol: query.protocol || undefined,
    device: query.device.trim() || undefined,
    collector: query.collector.trim() || undefined,
    enabled: query.enabled === "" ? undefined : query.enabled === "true",
    sort: [query.sort],
  };
}

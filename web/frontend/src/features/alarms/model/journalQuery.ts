import { type AlarmStatus, type JournalQuery, type Priority, PRIORITIES, STATES } from "../types";

/** The journal's filters as they stand in the address (so that a filtered journal can be linked to). */
export const JOURNAL_PARAMS = ["from", "to", "priority", "state", "text", "channelId", "page"] as const;

export function journalQueryOf(params: URLSearchParams): JournalQuery {
  const whole = (name: string, min: number) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isInteger(value) && value >= min ? value : undefined;
  };
  const priority = params.get("priority");
  const state = params.get("state");
  return {
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    priority: PRIORITIES.includes(priority as Priority) ? (priority as Priority) : undefined,
    state: STATES.includes(state as AlarmStatus) ? (state as AlarmStatus) : undefined,
    text: params.get("text")?.slice(0, 200) || undefined,
    channelId: whole("channelId", 1),
    page: whole("page", 0),
  };
}

/** The address of a query, keeping the other parameters (the tab). */
export function journalParams(query: JournalQuery, base: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of JOURNAL_PARAMS) {
    const value = query[key];
    if (value !== undefined && value !== "") next.set(key, String(value));
    else next.delete(key);
  }
  return next;
}

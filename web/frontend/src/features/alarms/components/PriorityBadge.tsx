import type { Priority } from "../types";

/** The priority as a coloured label (colour and word, so that it reads without colour too). */
export function PriorityBadge({ priority }: { priority: Priority }) {
  return <span className={`priority-badge priority-${priority.toLowerCase()}`}>{priority}</span>;
}

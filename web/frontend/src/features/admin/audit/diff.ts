/** One changed field of an audited entity, by its path ("settings.deadband", "tags[1]"). */
export interface FieldChange {
  path: string;
  kind: "added" | "removed" | "changed";
  before?: string;
  after?: string;
}

type Json = unknown;

/**
 * The fields that differ between an entity before and after a change, in path order. Objects and arrays are
 * walked down to their leaves, so a changed deadband shows as "settings.deadband: 0.5 → 1" rather than as two
 * whole settings objects. Bookkeeping fields (version, updatedAt) are left out: every change moves them.
 */
export function diff(before: Json, after: Json): FieldChange[] {
  const left = flatten(before);
  const right = flatten(after);
  const paths = [...new Set([...left.keys(), ...right.keys()])].filter((path) => !IGNORED.has(path)).sort();
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const a = left.get(path);
    const b = right.get(path);
    if (a === b) continue;
    if (a === undefined) changes.push({ path, kind: "added", after: b });
    else if (b === undefined) changes.push({ path, kind: "removed", before: a });
    else changes.push({ path, kind: "changed", before: a, after: b });
  }
  return changes;
}

const IGNORED = new Set(["version", "updatedAt"]);

function flatten(value: Json, prefix = "", into = new Map<string, string>()): Map<string, string> {
  if (value === null || value === undefined) {
    if (prefix) into.set(prefix, String(value));
    return into;
  }
  if (Array.isArray(value)) {
    if (value.length === 0 && prefix) into.set(prefix, "[]");
    value.forEach((item, index) => flatten(item, `${prefix}[${index}]`, into));
    return into;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, Json>);
    if (entries.length === 0 && prefix) into.set(prefix, "{}");
    for (const [key, item] of entries) flatten(item, prefix ? `${prefix}.${key}` : key, into);
    return into;
  }
  into.set(prefix, typeof value === "string" ? JSON.stringify(value) : String(value));
  return into;
}

/** Bytes in the largest unit that keeps a number of at least 1. */
export function bytes(n: number | undefined): string {
  if (n === undefined) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** A duration in ms as "45 s", "12 min", "3.5 h". */
export function age(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

/** Registers or bits a planned read covers, as the Modbus address range "40–49". */
export function range(start: number | undefined, count: number | undefined): string {
  if (start === undefined) return "—";
  return count && count > 1 ? `${start}–${start + count - 1}` : String(start);
}

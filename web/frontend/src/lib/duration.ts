// ISO-8601 durations as stored in widget options ("PT15M", "PT1H", "P1D", "P1W"), in milliseconds.

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of the duration, or null when it is not one (or is zero). */
export function parseDuration(text: string | undefined): number | null {
  if (!text) return null;
  const match = PATTERN.exec(text.trim().toUpperCase());
  if (!match || text.trim().toUpperCase().endsWith("T")) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  const ms =
    Number(weeks ?? 0) * 604_800_000 +
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Number(seconds ?? 0) * 1000;
  return ms > 0 ? ms : null;
}

/** The windows offered in pickers, shortest first. */
export const WINDOWS: { value: string; label: string }[] = [
  { value: "PT5M", label: "5 minutes" },
  { value: "PT15M", label: "15 minutes" },
  { value: "PT1H", label: "1 hour" },
  { value: "PT6H", label: "6 hours" },
  { value: "PT12H", label: "12 hours" },
  { value: "P1D", label: "1 day" },
  { value: "P7D", label: "7 days" },
];

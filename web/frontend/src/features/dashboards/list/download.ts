import { saveFile } from "../../../lib/download";

/** Saves JSON as a file. */
export function downloadJson(fileName: string, data: unknown) {
  saveFile(fileName, new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
}

/** A file name from a dashboard name: letters, digits, dot, dash and underscore. */
export function fileNameOf(name: string): string {
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "");
  return `${safe || "dashboard"}.parx-dashboard.json`;
}

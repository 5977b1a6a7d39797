import { parseCsv } from "./csv";

/** The admin-api's bounds of one import. */
export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/** What the preview shows of a file before it is sent: rows with name, protocol and data type. */
export interface ImportPreview {
  kind: "csv" | "json";
  /** The file's text (CSV) or rows (JSON) as they will be sent. */
  upload: { kind: "csv"; text: string } | { kind: "json"; rows: unknown[] };
  count: number;
  columns: string[];
  sample: { name: string; protocol: string; dataType: string }[];
}

const SAMPLE_ROWS = 10;

/** Reads an upload as CSV or a JSON array by its name and content; an Error says what is wrong with it. */
export function previewImport(fileName: string, text: string): ImportPreview {
  const json = fileName.toLowerCase().endsWith(".json") || text.trimStart().startsWith("[");
  if (json) {
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch {
      throw new Error("the file is not valid JSON: it should be an array of channels as the API takes them");
    }
    if (!Array.isArray(rows)) throw new Error("the JSON must be an array of channels");
    checkCount(rows.length);
    const field = (row: unknown, name: string) =>
      row && typeof row === "object" ? String((row as Record<string, unknown>)[name] ?? "") : "";
    const columns = [
      ...new Set(rows.slice(0, 100).flatMap((row) => (row && typeof row === "object" ? Object.keys(row) : []))),
    ];
    return {
      kind: "json",
      upload: { kind: "json", rows },
      count: rows.length,
      columns,
      sample: rows.slice(0, SAMPLE_ROWS).map((row) => ({
        name: field(row, "name"),
        protocol: field(row, "protocol"),
        dataType: field(row, "dataType"),
      })),
    };
  }
  const table = parseCsv(text);
  checkCount(table.rows.length);
  const at = (name: string) => table.header.indexOf(name);
  const cell = (row: string[], name: string) => (at(name) >= 0 ? (row[at(name)] ?? "") : "");
  return {
    kind: "csv",
    upload: { kind: "csv", text },
    count: table.rows.length,
    columns: table.header,
    sample: table.rows
      .slice(0, SAMPLE_ROWS)
      .map((row) => ({ name: cell(row, "name"), protocol: cell(row, "protocol"), dataType: cell(row, "dataType") })),
  };
}

function checkCount(count: number) {
  if (count === 0) throw new Error("the file has no channel rows");
  if (count > MAX_IMPORT_ROWS)
    throw new Error(`the file has ${count} rows; an import takes at most ${MAX_IMPORT_ROWS}: split it`);
}

// Reads an import file in the browser for its preview, by the rules of the admin-api's CsvRows (RFC 4180, a header
// row, a byte order mark skipped, ";" as separator when the header has semicolons and no commas), so the preview
// shows the rows and columns the server will see. The server parses the upload itself; this never decides.
// Hand-written rather than a CSV library because it must follow exactly those rules (a library guesses
// separators and quoting its own way), and it is 40 lines.

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): CsvTable {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator) {
      record.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      record.push(cell);
      cell = "";
      records.push(record);
      record = [];
    } else cell += ch;
  }
  if (quoted) throw new Error("the CSV ends inside a quoted field");
  if (cell !== "" || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  if (records.length === 0) throw new Error("the CSV needs a header row, e.g. name,dataType,protocol,host,...");
  const header = records[0].map((column) => column.trim());
  if (!header.includes("name")) throw new Error("the CSV header row needs a 'name' column");
  const rows = records.slice(1).filter((cells) => !(cells.length === 1 && cells[0].trim() === ""));
  return { header, rows };
}

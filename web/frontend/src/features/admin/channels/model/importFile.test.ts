import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { previewImport } from "./importFile";

describe("the import preview", () => {
  it("reads the export's CSV: BOM, quoted cells with commas, quotes and line breaks, CRLF", () => {
    const csv = '\uFEFFname,description,protocol\r\nA,"x, ""y""\nz",SIMULATOR\r\nB,,MODBUS_TCP\r\n';
    expect(parseCsv(csv)).toEqual({
      header: ["name", "description", "protocol"],
      rows: [
        ["A", 'x, "y"\nz', "SIMULATOR"],
        ["B", "", "MODBUS_TCP"],
      ],
    });
  });

  it("takes semicolons as separator when the header has no comma, as the server does", () => {
    expect(parseCsv("name;dataType\nA;BOOL\n").rows).toEqual([["A", "BOOL"]]);
  });

  it("says what is wrong with a file the server would refuse", () => {
    expect(() => previewImport("c.csv", "dataType,protocol\nBOOL,MQTT\n")).toThrow(/'name' column/);
    expect(() => previewImport("c.csv", 'name\n"open')).toThrow(/quoted field/);
    expect(() => previewImport("c.json", '{"name":"x"}')).toThrow(/array/);
    expect(() => previewImport("c.csv", "name\n")).toThrow(/no channel rows/);
    expect(() => previewImport("c.csv", "name\n" + "x\n".repeat(10_001))).toThrow(/at most 10000/);
  });

  it("previews JSON arrays and CSV with row count and the first rows", () => {
    const json = previewImport("c.json", JSON.stringify([{ name: "A", protocol: "MQTT", dataType: "FLOAT64" }]));
    expect(json.count).toBe(1);
    expect(json.sample[0]).toEqual({ name: "A", protocol: "MQTT", dataType: "FLOAT64" });
    const csv = previewImport("c.csv", "name,protocol,dataType\n" + "x,SIMULATOR,INT16\n".repeat(25));
    expect(csv.count).toBe(25);
    expect(csv.sample).toHaveLength(10);
    expect(csv.upload.kind).toBe("csv");
  });
});

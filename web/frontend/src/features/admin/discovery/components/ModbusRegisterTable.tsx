import type { DataType } from "../../channels/model/protocols";
import { modbusItem } from "../model/items";
import type { RegisterSurveyResult } from "../types";
import type { Selection } from "./browserProps";
import { PickBox } from "./PickBox";

const TYPES: DataType[] = ["INT16", "UINT16", "INT32", "UINT32", "FLOAT32", "INT64", "FLOAT64"];

/** One-register types come in ABCD and BADC only: swapping words changes nothing in one register. */
const ONE_REGISTER_ORDER: Record<string, string> = { ABCD: "ABCD", CDAB: "ABCD", BADC: "BADC", DCBA: "BADC" };

/** Every register of the range as each data type would read it from there, in the chosen byte order. */
export function ModbusRegisterTable({
  host,
  result,
  byteOrder,
  selection,
}: {
  host: string;
  result: RegisterSurveyResult;
  byteOrder: string;
  selection: Selection;
}) {
  const registerType = result.registerType ?? "HOLDING_REGISTER";
  return (
    <table className="list-table register-table" data-testid="modbus-registers">
      <thead>
        <tr>
          <th>Register</th>
          <th>Hex</th>
          <th>Text</th>
          {TYPES.map((type) => (
            <th key={type} className="num">
              {type}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(result.registers ?? []).map((register) => (
          <tr key={register.address}>
            <td title={`address ${register.address} (0-based)`}>{register.reference}</td>
            <td>
              <code>{register.hex}</code>
            </td>
            <td>
              <code>{register.text}</code>
            </td>
            {TYPES.map((type) => {
              const order = type === "INT16" || type === "UINT16" ? ONE_REGISTER_ORDER[byteOrder] : byteOrder;
              const value = register.values?.[type]?.[order];
              return (
                <td key={type} className="num">
                  {value !== undefined && (
                    <PickBox item={modbusItem(host, registerType, register, type, order)} selection={selection}>
                      {value === null ? "NaN" : formatNumber(value)}
                    </PickBox>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formatNumber(value: number): string {
  // whole numbers as they are, unless a float's 21 digits would hide that it is one
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  // seven significant digits (a FLOAT32's precision) without trailing zeros: 850.5, 2.8e-45
  const [mantissa, exponent] = value.toPrecision(7).split("e");
  const short = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  return exponent === undefined ? short : `${short}e${exponent}`;
}

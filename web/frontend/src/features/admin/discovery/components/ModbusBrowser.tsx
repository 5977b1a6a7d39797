import { type FormEvent, useState } from "react";
import { describeError } from "../../../../lib/api/problem";
import { SETTING_FIELDS } from "../../channels/model/protocols";
import { useModbusRegisters } from "../api/discovery";
import { modbusItem } from "../model/items";
import { ModbusRegisterTable } from "./ModbusRegisterTable";
import type { BrowserProps } from "./browserProps";
import { PickBox } from "./PickBox";
import { WholeNumberInput } from "./WholeNumberInput";

const choicesOf = (name: string) => SETTING_FIELDS.MODBUS_TCP.find((field) => field.name === name)?.choices ?? [];

/** A range of a device's registers or bits read once, each register shown in every data type of one byte order. */
export function ModbusBrowser({ connection, settings, selection }: BrowserProps) {
  const [registerType, setRegisterType] = useState(settings.registerType || "HOLDING_REGISTER");
  const [address, setAddress] = useState(settings.address || "0");
  const [count, setCount] = useState("20");
  const [byteOrder, setByteOrder] = useState(settings.byteOrder || "ABCD");
  const survey = useModbusRegisters();
  const result = survey.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    survey.mutate({
      ...connection,
      registerType,
      address: Number(address) || 0,
      count: Math.min(Math.max(Number(count) || 20, 1), 2000),
    });
  }

  return (
    <>
      <form className="toolbar discovery-bar" onSubmit={submit}>
        <select aria-label="Register type" value={registerType} onChange={(e) => setRegisterType(e.target.value)}>
          {choicesOf("registerType").map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
        <WholeNumberInput
          label="from"
          ariaLabel="First address (0-based)"
          value={address}
          maxLength={5}
          onChange={setAddress}
        />
        <WholeNumberInput
          id="discovery-modbus-count"
          label="count"
          ariaLabel="How many"
          value={count}
          maxLength={4}
          onChange={setCount}
        />
        <button type="submit" disabled={survey.isPending} data-testid="modbus-read">
          {survey.isPending ? "Reading…" : "Read"}
        </button>
        {result?.registers && (
          <label className="inline-field">
            byte order
            <select aria-label="Show in byte order" value={byteOrder} onChange={(e) => setByteOrder(e.target.value)}>
              {choicesOf("byteOrder").map((order) => (
                <option key={order}>{order}</option>
              ))}
            </select>
          </label>
        )}
      </form>
      {survey.error && (
        <p className="field-error" role="alert" data-testid="modbus-error">
          {describeError(survey.error)}
        </p>
      )}
      {result && (
        <div className="discovery-results">
          {(result.blocks ?? [])
            .filter((block) => block.error)
            .map((block) => (
              <p key={block.address} className="field-error" data-testid="modbus-block-error">
                {block.count} from {block.address}: {block.error}
              </p>
            ))}
          {result.registers && result.registers.length > 0 && (
            <ModbusRegisterTable
              host={String(connection.host)}
              result={result}
              byteOrder={byteOrder}
              selection={selection}
            />
          )}
          {result.bits && result.bits.length > 0 && (
            <ul className="tree">
              {result.bits.map((bit) => (
                <li key={bit.address}>
                  <PickBox
                    item={modbusItem(String(connection.host), result.registerType ?? registerType, bit, "BOOL")}
                    selection={selection}
                  >
                    {bit.reference} <span className="muted">· {bit.value ? "1 (true)" : "0 (false)"}</span>
                  </PickBox>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

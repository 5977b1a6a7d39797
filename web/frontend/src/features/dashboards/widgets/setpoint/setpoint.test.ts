import { describe, expect, it } from "vitest";
import { ApiError } from "../../../../lib/api/problem";
import { setpointChannel, user } from "./fixtures";
import { confirmQuestion, describeLimits, entryOf, failed, parseEntry, succeeded, writability } from "./setpoint";

const RESULT = { written: 72.5, readBack: 72.5, previous: 70, quality: 0, qualityName: "Good", latencyMs: 4 };

describe("who may write a channel", () => {
  it("lets engineers and administrators write a writable channel, with its limits", () => {
    for (const role of ["ENGINEER", "ADMIN"] as const) {
      expect(writability(setpointChannel(), user(role))).toEqual({ writable: true, limits: { min: 0, max: 1000 } });
    }
  });

  it("lets operators write only channels that say operatorWritable, as the admin-api does", () => {
    expect(writability(setpointChannel({ writable: true }), user("OPERATOR"))).toEqual({
      writable: false,
      reason: "Only engineers and administrators may write Furnace setpoint.",
    });
    expect(writability(setpointChannel({ writable: true, operatorWritable: true }), user("OPERATOR")).writable).toBe(
      true,
    );
  });

  it("names the channel's state before the role: disabled, then read-only", () => {
    const disabled = setpointChannel({ writable: true }, { enabled: false });
    expect(writability(disabled, user("ADMIN"))).toEqual({ writable: false, reason: "Furnace setpoint is disabled." });
    // The simulator's settings have no write fields at all.
    const simulator = setpointChannel({}, { protocol: "SIMULATOR", settings: { waveform: "SINE" } as never });
    expect(writability(simulator, user("ADMIN"))).toEqual({
      writable: false,
      reason: "Furnace setpoint is read-only: an engineer can allow writes in its settings.",
    });
  });

  it("takes a limit stored as null for none", () => {
    const open = setpointChannel({ writable: true, writeMin: null, writeMax: 5 } as never);
    expect(writability(open, user("ENGINEER"))).toEqual({ writable: true, limits: { min: undefined, max: 5 } });
  });

  it("enters BOOL as on/off, STRING as text and the rest as a number", () => {
    expect(entryOf(setpointChannel({}, { dataType: "BOOL" }))).toBe("toggle");
    expect(entryOf(setpointChannel({}, { dataType: "STRING" }))).toBe("text");
    expect(entryOf(setpointChannel({}, { dataType: "INT16" }))).toBe("number");
  });
});

describe("the value typed", () => {
  const limits = { min: 0, max: 1000 };

  it("is sent as a number when it is one within the limits, the limits included", () => {
    expect(parseEntry(" 72.5 ", "number", limits, "°C")).toEqual({ ok: true, value: 72.5 });
    expect(parseEntry("1000", "number", limits, "°C")).toEqual({ ok: true, value: 1000 });
    expect(parseEntry("-3e2", "number", {}, "")).toEqual({ ok: true, value: -300 });
  });

  it("is refused, saying why, when empty, not a number or outside the limits", () => {
    expect(parseEntry("  ", "number", limits, "°C")).toEqual({ ok: false, error: "Enter a value." });
    expect(parseEntry("12,5", "number", limits, "°C")).toEqual({ ok: false, error: "Enter a number." });
    expect(parseEntry("Infinity", "number", {}, "")).toEqual({ ok: false, error: "Enter a number." });
    expect(parseEntry("1000.1", "number", limits, "°C")).toEqual({ ok: false, error: "At most 1000 °C." });
    expect(parseEntry("-1", "number", limits, "°C")).toEqual({ ok: false, error: "At least 0 °C." });
  });

  it("is sent as typed for a STRING channel, spaces included", () => {
    expect(parseEntry(" open ", "text", {}, "")).toEqual({ ok: true, value: " open " });
    expect(parseEntry("", "text", {}, "")).toEqual({ ok: false, error: "Enter a text." });
  });

  it("is confirmed with the value, the unit and the channel's name", () => {
    expect(confirmQuestion(72.5, setpointChannel())).toBe("Write 72.5 °C to Furnace setpoint?");
    expect(confirmQuestion(true, setpointChannel({}, { name: "Burner", unit: "" }), { on: "Running" })).toBe(
      "Write Running to Burner?",
    );
    expect(confirmQuestion(false, setpointChannel({}, { name: "Burner", unit: "" }))).toBe("Write off to Burner?");
  });

  it("shows the limits in words", () => {
    expect(describeLimits(limits, "°C")).toBe("0 to 1000 °C");
    expect(describeLimits({ max: 5 }, "")).toBe("at most 5");
    expect(describeLimits({ min: -5 }, "bar")).toBe("at least -5 bar");
    expect(describeLimits({}, "bar")).toBe("none");
  });
});

describe("the outcome of a write", () => {
  it("is good when the value read back is the one written, a FLOAT32's rounding included", () => {
    expect(succeeded(RESULT, "°C")).toEqual({ tone: "good", text: "Written 72.5 °C, read back 72.5 °C." });
    // 72.1 in a FLOAT32 register reads back as 72.0999984741211: the same value, shown as written
    expect(succeeded({ ...RESULT, written: 72.1, readBack: 72.0999984741211 }, "°C").text).toBe(
      "Written 72.1 °C, read back 72.1 °C.",
    );
  });

  it("warns when the device holds another value than the one written", () => {
    expect(succeeded({ ...RESULT, readBack: 70 }, "°C")).toEqual({
      tone: "warning",
      text: "Written 72.5 °C, but read back 70 °C: the device changed or limited it.",
    });
  });

  it("warns when the read after the write failed, and is good without a read back (MQTT)", () => {
    expect(succeeded({ ...RESULT, readBack: null, readBackError: "Bad_Timeout" }, "°C")).toEqual({
      tone: "warning",
      text: "Written 72.5 °C; it could not be read back: Bad_Timeout.",
    });
    expect(succeeded({ ...RESULT, readBack: null }, "°C").tone).toBe("good");
  });

  it("is the message of the field a 400 names, with the status", () => {
    const error = new ApiError(400, {
      type: "/problems/validation",
      detail: "invalid request",
      errors: [{ field: "value", message: "must be at most 1000 (writeMax)" }],
    });
    expect(failed(error)).toEqual({ tone: "bad", text: "Not written (400): must be at most 1000 (writeMax)" });
  });

  it("is the problem's detail for a refusal or a device failure, and unknown after a device timeout", () => {
    const refused = new ApiError(409, { type: "/problems/not-writable", detail: "channel X is not writable" });
    expect(failed(refused).text).toBe("Not written (409): channel X is not writable");
    const timeout = new ApiError(504, { type: "/problems/device-timeout", detail: "did not answer the write" });
    expect(failed(timeout)).toEqual({ tone: "bad", text: "Outcome unknown: did not answer the write" });
    expect(failed(new TypeError("Failed to fetch")).text).toBe("Not written: The ParX server cannot be reached.");
  });
});

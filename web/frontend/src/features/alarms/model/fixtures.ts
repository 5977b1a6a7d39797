import { ActiveAlarms } from "./ActiveAlarms";
import type { ActiveAlarm, AlarmTransition } from "../types";

/** An active alarm as the storage engine answers it; the fields given replace the defaults. */
export function alarm(fields: Partial<ActiveAlarm> = {}): ActiveAlarm {
  return {
    definitionId: 1,
    name: "Reactor over-temperature",
    channelId: 7,
    state: "ACTIVE_UNACKED",
    activatedAt: "2026-12-06T01:00:00Z",
    value: 93.5,
    priority: "HIGH",
    message: "Reactor temperature above 90 °C",
    acknowledgedAt: null,
    acknowledgedBy: null,
    shelvedUntil: null,
    ...fields,
  };
}

/** The router's message for one transition of the alarm (null: it went back to NORMAL). */
export function transition(active: ActiveAlarm | null, event: Partial<AlarmTransition> = {}) {
  const base = active ?? alarm();
  return {
    type: "alarm" as const,
    event: {
      time: "2026-12-06T01:05:00Z",
      definitionId: base.definitionId,
      name: base.name,
      channelId: base.channelId,
      event: "ACKNOWLEDGED" as const,
      state: active?.state ?? ("NORMAL" as const),
      priority: base.priority,
      value: base.value,
      message: base.message,
      user: "operator",
      comment: null,
      ...event,
    },
    active,
  };
}

/** A store that has the router's snapshot of these alarms (live, no polling). */
export function liveAlarms(...active: ActiveAlarm[]): ActiveAlarms {
  const store = new ActiveAlarms(async () => active);
  store.receive({ type: "alarms", active });
  return store;
}

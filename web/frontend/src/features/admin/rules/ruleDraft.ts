import type { StorageBackend, StorageMode, StorageRule, StorageRuleRequest } from "./types";

export type DeadbandType = "ABSOLUTE" | "PERCENT";
export type Edge = "RISING" | "FALLING" | "BOTH";
export type TriggerStore = "WHILE_TRUE" | "ON_TRANSITION";

export const DEFAULT_NAMING = "{rule}_{yyyy}{MM}{dd}_{HH}{mm}{ss}.csv";
const NAMING_PLACEHOLDERS = ["{rule}", "{channel}", "{yyyy}", "{MM}", "{dd}", "{HH}", "{mm}", "{ss}"];
const MAX_MS = 86_400_000 * 366;

/** A storage rule as the form edits it: numbers as typed, every mode's and backend's fields kept while switching. */
export interface RuleDraft {
  name: string;
  description: string;
  enabled: boolean;
  mode: StorageMode;
  intervalMs: string;
  deadband: string;
  deadbandType: DeadbandType;
  maxIntervalMs: string;
  conditionChannelId: number | null;
  edge: Edge;
  formula: string;
  store: TriggerStore;
  backend: StorageBackend;
  directory: string;
  naming: string;
  rotateEveryMs: string;
  rotateSizeBytes: string;
  retentionDays: string;
  channelIds: number[];
  version?: number;
}

export function draftOf(rule?: StorageRule): RuleDraft {
  const s = (rule?.settings ?? {}) as Record<string, unknown>;
  const b = (rule?.backendSettings ?? {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) => (value === undefined || value === null ? fallback : String(value));
  return {
    name: rule?.name ?? "",
    description: rule?.description ?? "",
    enabled: rule?.enabled ?? true,
    mode: rule?.mode ?? "CHANGE",
    intervalMs: text(s.intervalMs, "0"),
    deadband: text(s.deadband, "0"),
    deadbandType: (s.deadbandType as DeadbandType) ?? "ABSOLUTE",
    maxIntervalMs: text(s.maxIntervalMs, "0"),
    conditionChannelId: typeof s.conditionChannelId === "number" ? s.conditionChannelId : null,
    edge: (s.edge as Edge) ?? "RISING",
    formula: text(s.formula, ""),
    store: (s.store as TriggerStore) ?? "WHILE_TRUE",
    backend: rule?.backend ?? "TIMESCALE",
    directory: text(b.directory, ""),
    // a FILE rule stored without naming uses the storage engine's default: keep it empty
    naming: text(b.naming, rule?.backend === "FILE" ? "" : DEFAULT_NAMING),
    rotateEveryMs: text(b.rotateEveryMs, "0"),
    rotateSizeBytes: text(b.rotateSizeBytes, "0"),
    retentionDays: rule?.retentionDays == null ? "" : String(rule.retentionDays),
    channelIds: rule?.channelIds ?? [],
    version: rule?.version,
  };
}

/**
 * The request for the draft, or the fields the admin-api would reject (same names as its problem+json:
 * "settings.deadband", "backendSettings.naming"), so the user hears about most mistakes before saving.
 */
export function requestOf(draft: RuleDraft): { request?: StorageRuleRequest; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const whole = (field: string, value: string, min: number, max: number, rule?: (n: number) => string | undefined) => {
    const n = Number(value.trim());
    if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
      errors[field] = `a whole number from ${min} to ${max}`;
      return undefined;
    }
    const problem = rule?.(n);
    if (problem) errors[field] = problem;
    return n;
  };
  if (!draft.name.trim()) errors.name = "must not be blank";
  let settings: Record<string, unknown> = {};
  switch (draft.mode) {
    case "CONTINUOUS":
      settings = { intervalMs: whole("settings.intervalMs", draft.intervalMs, 0, MAX_MS) };
      break;
    case "CHANGE": {
      const deadband = Number(draft.deadband.trim());
      if (draft.deadband.trim() === "" || !Number.isFinite(deadband) || deadband < 0) {
        errors["settings.deadband"] = "a number of 0 or more";
      } else if (draft.deadbandType === "PERCENT" && deadband > 100) {
        errors["settings.deadband"] = "a PERCENT deadband must be between 0 and 100";
      }
      settings = {
        deadband,
        deadbandType: draft.deadbandType,
        maxIntervalMs: whole("settings.maxIntervalMs", draft.maxIntervalMs, 0, MAX_MS),
      };
      break;
    }
    case "EVENT":
      if (draft.conditionChannelId === null) errors["settings.conditionChannelId"] = "choose the condition channel";
      settings = { conditionChannelId: draft.conditionChannelId, edge: draft.edge };
      break;
    case "TRIGGER":
      if (!draft.formula.trim()) errors["settings.formula"] = "must not be blank";
      settings = { formula: draft.formula, store: draft.store };
      break;
  }
  let backendSettings: NonNullable<StorageRuleRequest["backendSettings"]> = {};
  if (draft.backend === "FILE") {
    const directory = draft.directory.trim();
    if (!directory) errors["backendSettings.directory"] = "must not be blank";
    else if (/^[/\\]|(^|[/\\])\.\.([/\\]|$)|:/.test(directory)) {
      errors["backendSettings.directory"] = "must be a relative path without '..' (it lives under the data directory)";
    }
    const naming = draft.naming.trim();
    const unknown = (naming.match(/\{[^}]*\}/g) ?? []).filter((p) => !NAMING_PLACEHOLDERS.includes(p));
    if (/[/\\]|\.\./.test(naming)) {
      errors["backendSettings.naming"] = "must be a file name template without path separators";
    } else if (unknown.length) {
      errors["backendSettings.naming"] =
        `unknown placeholders ${unknown.join(", ")}; use ${NAMING_PLACEHOLDERS.join(" ")}`;
    }
    backendSettings = {
      directory,
      // empty: the storage engine's default naming (PARX_STORAGE_FILE_DEFAULT_NAMING)
      ...(naming ? { naming } : {}),
      rotateEveryMs: whole("backendSettings.rotateEveryMs", draft.rotateEveryMs, 0, MAX_MS, (n) =>
        n > 0 && n < 60_000 ? "must be 0 (by date only) or at least 60000" : undefined,
      ),
      rotateSizeBytes: whole(
        "backendSettings.rotateSizeBytes",
        draft.rotateSizeBytes,
        0,
        Number.MAX_SAFE_INTEGER,
        (n) => (n > 0 && n < 1024 ? "must be 0 (no limit) or at least 1024" : undefined),
      ),
    };
  }
  const retention = draft.retentionDays.trim() ? whole("retentionDays", draft.retentionDays, 1, 36500) : null;
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    request: {
      name: draft.name.trim(),
      description: draft.description,
      mode: draft.mode,
      settings,
      backend: draft.backend,
      backendSettings,
      retentionDays: retention ?? null,
      enabled: draft.enabled,
      channelIds: draft.channelIds,
      version: draft.version,
    },
  };
}

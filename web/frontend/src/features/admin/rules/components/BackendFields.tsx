import { useId } from "react";
import type { RuleDraft } from "../ruleDraft";
import { Field, inWords } from "./fields";

type Set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => void;

/** Where the samples go: TimescaleDB (nothing to set) or CSV files with naming and rotation. */
export function BackendFields({ draft, set, errors }: { draft: RuleDraft; set: Set; errors: Record<string, string> }) {
  const id = useId();
  if (draft.backend === "TIMESCALE") {
    return <p className="hint">Samples go to the time-series database, where trends and analytics read them.</p>;
  }
  return (
    <>
      <Field
        id={`${id}-dir`}
        field="backendSettings.directory"
        label="Directory"
        hint="Relative to the storage engine's data directory."
        errors={errors}
      >
        <input
          id={`${id}-dir`}
          value={draft.directory}
          maxLength={500}
          onChange={(e) => set("directory", e.target.value)}
        />
      </Field>
      <Field
        id={`${id}-naming`}
        field="backendSettings.naming"
        label="File names"
        hint="Placeholders: {rule}, {channel} (id), {yyyy} {MM} {dd} {HH} {mm} {ss} (UTC, when the file is opened). Empty: the storage engine's default."
        errors={errors}
      >
        <input
          id={`${id}-naming`}
          value={draft.naming}
          maxLength={200}
          onChange={(e) => set("naming", e.target.value)}
        />
      </Field>
      <Field
        id={`${id}-every`}
        field="backendSettings.rotateEveryMs"
        label="New file every (ms)"
        hint={
          draft.rotateEveryMs === "0"
            ? "0: by the date in the name only; else at least 60000"
            : inWords(draft.rotateEveryMs)
        }
        errors={errors}
      >
        <input
          id={`${id}-every`}
          inputMode="numeric"
          value={draft.rotateEveryMs}
          onChange={(e) => set("rotateEveryMs", e.target.value)}
        />
      </Field>
      <Field
        id={`${id}-size`}
        field="backendSettings.rotateSizeBytes"
        label="New file after (bytes)"
        hint="0: no size limit; else at least 1024"
        errors={errors}
      >
        <input
          id={`${id}-size`}
          inputMode="numeric"
          value={draft.rotateSizeBytes}
          onChange={(e) => set("rotateSizeBytes", e.target.value)}
        />
      </Field>
    </>
  );
}

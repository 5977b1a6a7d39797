import { type FormEvent, useEffect, useId, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Banner } from "../../../../components/Banner";
import { Dialog } from "../../../../components/Dialog";
import { Forbidden } from "../../../../components/Forbidden";
import { QueryState } from "../../../../components/QueryState";
import { ApiError, describeError } from "../../../../lib/api/problem";
import { hasRole } from "../../../../lib/auth/roles";
import { useMe } from "../../../../lib/auth/useMe";
import { ChannelPicker, useChannelDirectory } from "../../../channels";
import { useSaveStorageRule, useStorageRule } from "../api/rules";
import { BackendFields } from "../components/BackendFields";
import { Field } from "../components/fields";
import { ModeFields } from "../components/ModeFields";
import { TagSelector } from "../components/TagSelector";
import { draftOf, requestOf, type RuleDraft } from "../ruleDraft";
import type { StorageBackend, StorageMode } from "../types";

const MODES: { mode: StorageMode; label: string }[] = [
  { mode: "CONTINUOUS", label: "Continuous (every sample or at an interval)" },
  { mode: "CHANGE", label: "On change (with a deadband)" },
  { mode: "EVENT", label: "On an event (edge of a condition channel)" },
  { mode: "TRIGGER", label: "While a formula is true" },
];

/** Creates or edits a storage rule; OPERATORs see it read-only and cannot open "new". */
export function RuleEditPage() {
  const params = useParams();
  const id = params.id === undefined ? null : Number(params.id);
  const me = useMe();
  const rule = useStorageRule(id);
  const writer = hasRole(me.data, "ENGINEER");

  if (id === null && me.data && !writer) {
    return (
      <main className="page">
        <h1>New storage rule</h1>
        <Forbidden what="creating storage rules" role={me.data.role} />
      </main>
    );
  }
  if (id !== null && !rule.data) {
    return (
      <main className="page">
        <QueryState isLoading={rule.isLoading} error={rule.error} what="the storage rule" />
      </main>
    );
  }
  return <RuleForm key={id ?? "new"} id={id} initial={draftOf(rule.data)} readOnly={!writer} />;
}

function RuleForm({ id, initial, readOnly }: { id: number | null; initial: RuleDraft; readOnly: boolean }) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formulaPosition, setFormulaPosition] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const save = useSaveStorageRule();
  const directory = useChannelDirectory();
  const rule = useStorageRule(id);
  const navigate = useNavigate();
  const formId = useId();
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    if (key === "formula") setFormulaPosition(null);
  };
  useEffect(() => setDraft(initial), [initial.version]);

  async function submit(event?: FormEvent, overwriteVersion?: number) {
    event?.preventDefault();
    setFailure(null);
    setFormulaPosition(null);
    const { request, errors: local } = requestOf(
      overwriteVersion === undefined ? draft : { ...draft, version: overwriteVersion },
    );
    setErrors(local);
    if (!request) return;
    try {
      const saved = await save.mutateAsync({ id, request });
      if (id === null) navigate(`/admin/rules/${saved.id}`, { replace: true, state: { saved: true } });
      else setFailure(null);
      setDraft(draftOf(saved));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && id !== null) {
        setConflict(true);
        return;
      }
      if (error instanceof ApiError && typeof error.problem.position === "number") {
        setFormulaPosition(error.problem.position);
      }
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(fields);
      setFailure(
        Object.keys(fields).length ? "The server refused some fields; see the messages below." : describeError(error),
      );
    }
  }

  return (
    <main className="page">
      <div className="page-header">
        <h1>{id === null ? "New storage rule" : `Storage rule “${initial.name}”`}</h1>
        <span className="spacer" />
        <Link to="/admin/rules">All rules</Link>
      </div>
      {readOnly && (
        <Banner tone="info" testId="read-only">
          Read only: ENGINEER and ADMIN change storage rules.
        </Banner>
      )}
      {failure && <Banner tone="error">{failure}</Banner>}
      {save.isSuccess && !failure && (
        <Banner tone="success">Saved. The storage engine applies it within seconds.</Banner>
      )}
      <form id={formId} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset disabled={readOnly}>
          <legend>Rule</legend>
          <Field id={`${formId}-name`} field="name" label="Name" errors={errors}>
            <input
              id={`${formId}-name`}
              value={draft.name}
              maxLength={200}
              onChange={(e) => set("name", e.target.value)}
              data-testid="rule-name"
            />
          </Field>
          <Field id={`${formId}-description`} field="description" label="Description" errors={errors}>
            <input
              id={`${formId}-description`}
              value={draft.description}
              maxLength={2000}
              onChange={(e) => set("description", e.target.value)}
            />
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => set("enabled", e.target.checked)} />
            Enabled
          </label>
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>When to store</legend>
          {MODES.map(({ mode, label }) => (
            <label key={mode} className="checkbox">
              <input
                type="radio"
                name={`${formId}-mode`}
                value={mode}
                checked={draft.mode === mode}
                onChange={() => set("mode", mode)}
                data-testid={`rule-mode-${mode}`}
              />
              {label}
            </label>
          ))}
          <ModeFields
            draft={draft}
            set={set}
            errors={errors}
            formulaPosition={formulaPosition}
            channels={directory.data}
            readOnly={readOnly}
          />
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>Where to store</legend>
          {(["TIMESCALE", "FILE"] as StorageBackend[]).map((backend) => (
            <label key={backend} className="checkbox">
              <input
                type="radio"
                name={`${formId}-backend`}
                value={backend}
                checked={draft.backend === backend}
                onChange={() => set("backend", backend)}
                data-testid={`rule-backend-${backend}`}
              />
              {backend === "TIMESCALE" ? "TimescaleDB" : "CSV files"}
            </label>
          ))}
          <BackendFields draft={draft} set={set} errors={errors} />
          <Field
            id={`${formId}-retention`}
            field="retentionDays"
            label="Keep for (days)"
            hint="Empty: for ever. Older samples of this rule are deleted daily."
            errors={errors}
          >
            <input
              id={`${formId}-retention`}
              inputMode="numeric"
              value={draft.retentionDays}
              onChange={(e) => set("retentionDays", e.target.value)}
            />
          </Field>
        </fieldset>
        <fieldset disabled={readOnly} data-field="channelIds">
          <legend>Channels ({draft.channelIds.length})</legend>
          <ChannelPicker
            selected={draft.channelIds}
            max={20000}
            channels={directory.data}
            onChange={(ids) => set("channelIds", ids)}
          />
          <TagSelector selected={draft.channelIds} onChange={(ids) => set("channelIds", ids)} />
          {errors.channelIds && (
            <p className="field-error" role="alert">
              {errors.channelIds}
            </p>
          )}
          {draft.channelIds.length > 0 && (
            <button type="button" className="button-quiet" onClick={() => set("channelIds", [])}>
              Remove all channels
            </button>
          )}
        </fieldset>
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={save.isPending} data-testid="rule-save">
              {id === null ? "Create rule" : "Save"}
            </button>
            <Link to="/admin/rules">Cancel</Link>
          </div>
        )}
      </form>
      <Dialog
        open={conflict}
        title="Someone else changed this rule"
        onClose={() => setConflict(false)}
        actions={
          <>
            <button
              type="button"
              onClick={() => {
                setConflict(false);
                void rule.refetch();
              }}
            >
              Reload theirs (discard mine)
            </button>
            <button
              type="button"
              className="button-danger"
              onClick={async () => {
                setConflict(false);
                const current = await rule.refetch();
                if (current.data) void submit(undefined, current.data.version);
              }}
            >
              Overwrite with mine
            </button>
            <button type="button" className="button-quiet" onClick={() => setConflict(false)}>
              Keep editing
            </button>
          </>
        }
      >
        <p>The rule was saved by someone else since you opened it.</p>
      </Dialog>
    </main>
  );
}

import { type FormEvent, useId, useState } from "react";
import { Banner } from "../../../../components/Banner";
import { Dialog } from "../../../../components/Dialog";
import { FieldError } from "../../../../components/FieldError";
import { ApiError, describeError } from "../../../../lib/api/problem";
import { ChannelPicker, useChannelDirectory } from "../../../channels";
import { useSaveBatchDefinition } from "../api/batches";
import type { BatchDefinition, BatchMode } from "../types";

type ChannelField = "triggerChannelId" | "startChannelId" | "stopChannelId" | "nameChannelId";

const FIELDS: Record<BatchMode, { field: ChannelField; label: string; required: boolean }[]> = {
  VALUE_CHANGE: [
    { field: "triggerChannelId", label: "A new batch whenever this channel's value changes", required: true },
  ],
  START_STOP: [
    { field: "startChannelId", label: "Its rising edge opens a batch", required: true },
    {
      field: "stopChannelId",
      label: "Its rising edge closes it (none: the start channel's falling edge)",
      required: false,
    },
    { field: "nameChannelId", label: "Names the batch (optional)", required: false },
  ],
};

/** Creates or edits a batch definition: what opens and closes a production batch. */
export function BatchDefinitionDialog({
  definition,
  open,
  onClose,
}: {
  definition: BatchDefinition | null;
  open: boolean;
  onClose: () => void;
}) {
  const [name, setName] = useState(definition?.name ?? "");
  const [description, setDescription] = useState(definition?.description ?? "");
  const [mode, setMode] = useState<BatchMode>(definition?.mode ?? "START_STOP");
  const [enabled, setEnabled] = useState(definition?.enabled ?? true);
  const [channels, setChannels] = useState<Record<ChannelField, number | null>>({
    triggerChannelId: definition?.triggerChannelId ?? null,
    startChannelId: definition?.startChannelId ?? null,
    stopChannelId: definition?.stopChannelId ?? null,
    nameChannelId: definition?.nameChannelId ?? null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const directory = useChannelDirectory();
  const save = useSaveBatchDefinition();
  const id = useId();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = "must not be blank";
    for (const { field, required } of FIELDS[mode]) {
      if (required && channels[field] === null) local[field] = "choose a channel";
    }
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    const pick = (field: ChannelField) => (FIELDS[mode].some((f) => f.field === field) ? channels[field] : null);
    try {
      await save.mutateAsync({
        id: definition?.id ?? null,
        request: {
          name: name.trim(),
          description,
          mode,
          enabled,
          triggerChannelId: pick("triggerChannelId"),
          startChannelId: pick("startChannelId"),
          stopChannelId: pick("stopChannelId"),
          nameChannelId: pick("nameChannelId"),
          version: definition?.version,
        },
      });
      onClose();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(fields);
      if (!Object.keys(fields).length) setFailure(describeError(error));
    }
  }

  return (
    <Dialog
      open={open}
      title={definition ? `Batch definition “${definition.name}”` : "New batch definition"}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button-primary" onClick={() => void submit()} disabled={save.isPending}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        {failure && <Banner tone="error">{failure}</Banner>}
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <FieldError id={`${id}-name-error`} message={errors.name} />
        <label htmlFor={`${id}-description`}>Description</label>
        <input
          id={`${id}-description`}
          value={description}
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
        />
        <label htmlFor={`${id}-mode`}>Batches are</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as BatchMode)}>
          <option value="START_STOP">started and stopped by signals</option>
          <option value="VALUE_CHANGE">one per value of a channel (e.g. the order number)</option>
        </select>
        {FIELDS[mode].map(({ field, label }) => (
          <div key={field}>
            <p className="hint">{label}</p>
            <ChannelPicker
              selected={channels[field] === null ? [] : [channels[field] as number]}
              max={1}
              channels={directory.data}
              onChange={(ids) => setChannels({ ...channels, [field]: ids[0] ?? null })}
            />
            <FieldError id={`${id}-${field}-error`} message={errors[field]} />
          </div>
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled
        </label>
      </form>
    </Dialog>
  );
}

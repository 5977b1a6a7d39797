import { type FormEvent, useId, useState } from "react";
import { Dialog } from "../../../components/Dialog";
import { FieldError } from "../../../components/FieldError";
import { ApiError, describeError } from "../../../lib/api/problem";
import { useSaveWebhook, type Webhook, type WebhookRequest } from "../api/webhooks";
import { PRIORITIES, type Priority } from "../types";

/**
 * A new webhook (`webhook` null) or an edit of one. The secret is write-only: the server never shows it, so the
 * field starts empty, and empty means "keep" unless the user ticks "remove".
 */
export function WebhookDialog({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const [name, setName] = useState(webhook?.name ?? "");
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [priorities, setPriorities] = useState<string[]>(webhook?.priorities ?? ["HIGH", "CRITICAL"]);
  const [secretHeader, setSecretHeader] = useState(webhook?.secretHeader ?? "Authorization");
  const [secret, setSecret] = useState("");
  const [removeSecret, setRemoveSecret] = useState(false);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveWebhook();
  const id = useId();

  function toggle(priority: Priority, on: boolean) {
    setPriorities((now) => PRIORITIES.filter((p) => (p === priority ? on : now.includes(p))));
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const request: WebhookRequest = { name: name.trim(), url: url.trim(), priorities, secretHeader, enabled };
    if (removeSecret) request.secret = null;
    else if (secret) request.secret = secret;
    if (webhook) request.version = webhook.version;
    try {
      await save.mutateAsync({ id: webhook?.id ?? null, request });
      onClose();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(Object.keys(fields).length ? fields : { form: describeError(error) });
    }
  }

  const field = (key: string) => ({ "aria-describedby": `${id}-${key}-error` });
  return (
    <Dialog
      open
      title={webhook ? `Webhook ${webhook.name}` : "New webhook"}
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className="button-primary"
            onClick={() => void submit()}
            disabled={save.isPending}
            data-testid="webhook-save"
          >
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <FieldError id={`${id}-form-error`} message={errors.form} />
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          {...field("name")}
          autoFocus
          data-testid="webhook-name"
        />
        <FieldError id={`${id}-name-error`} message={errors.name} />
        <label htmlFor={`${id}-url`}>URL</label>
        <input
          id={`${id}-url`}
          type="url"
          value={url}
          maxLength={2000}
          placeholder="https://pager.example.com/hooks/parx"
          onChange={(e) => setUrl(e.target.value)}
          {...field("url")}
          data-testid="webhook-url"
        />
        <FieldError id={`${id}-url-error`} message={errors.url} />
        <fieldset {...field("priorities")}>
          <legend>Priorities it receives</legend>
          {PRIORITIES.map((priority) => (
            <label key={priority} className="checkbox">
              <input
                type="checkbox"
                checked={priorities.includes(priority)}
                onChange={(e) => toggle(priority, e.target.checked)}
                data-testid={`webhook-priority-${priority}`}
              />
              {priority}
            </label>
          ))}
        </fieldset>
        <FieldError id={`${id}-priorities-error`} message={errors.priorities} />
        <label htmlFor={`${id}-header`}>Secret header</label>
        <input
          id={`${id}-header`}
          data-testid="webhook-secret-header"
          value={secretHeader}
          maxLength={100}
          onChange={(e) => setSecretHeader(e.target.value)}
          {...field("secretHeader")}
        />
        <FieldError id={`${id}-secretHeader-error`} message={errors.secretHeader} />
        <label htmlFor={`${id}-secret`}>Secret</label>
        <input
          id={`${id}-secret`}
          type="password"
          value={secret}
          maxLength={1000}
          autoComplete="off"
          disabled={removeSecret}
          placeholder={webhook?.secretSet ? "set (leave empty to keep)" : "e.g. Bearer abc…"}
          onChange={(e) => setSecret(e.target.value)}
          {...field("secret")}
          data-testid="webhook-secret"
        />
        {webhook?.secretSet && (
          <label className="checkbox">
            <input type="checkbox" checked={removeSecret} onChange={(e) => setRemoveSecret(e.target.checked)} />
            Remove the secret
          </label>
        )}
        <FieldError id={`${id}-secret-error`} message={errors.secret} />
        <label className="checkbox">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled
        </label>
      </form>
    </Dialog>
  );
}

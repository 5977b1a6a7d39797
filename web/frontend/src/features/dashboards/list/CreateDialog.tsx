import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { Dialog } from "../../../components/Dialog";
import { FieldError } from "../../../components/FieldError";
import { ApiError, describeError } from "../../../lib/api/problem";
import { useCreateDashboard } from "../api/dashboards";

/** A new, empty dashboard; opens it afterwards. */
export function CreateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [shared, setShared] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateDashboard();
  const navigate = useNavigate();
  const id = useId();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setErrors({});
    if (!name.trim()) {
      setErrors({ name: "must not be blank" });
      return;
    }
    try {
      const created = await create.mutateAsync({ name: name.trim(), shared, layout: { widgets: [] } });
      onClose();
      navigate(`/dashboards/${created.id}`);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(Object.keys(fields).length ? fields : { name: describeError(error) });
    }
  }

  return (
    <Dialog
      open={open}
      title="New dashboard"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button-primary" onClick={() => void submit()} disabled={create.isPending}>
            Create
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={`${id}-name-error`}
          autoFocus
          data-testid="new-dashboard-name"
        />
        <FieldError id={`${id}-name-error`} message={errors.name} />
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Shared with everyone (otherwise only you and administrators see it)
        </label>
      </form>
    </Dialog>
  );
}

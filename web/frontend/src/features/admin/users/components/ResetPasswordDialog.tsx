import { type FormEvent, useId, useState } from "react";
import { Dialog } from "../../../../components/Dialog";
import { FieldError } from "../../../../components/FieldError";
import { ApiError, describeError } from "../../../../lib/api/problem";
import { useChangePassword } from "../api/users";
import { passwordProblem } from "../passwordRules";
import type { User } from "../types";

/** An administrator sets someone's password (no current password needed); their sessions end. */
export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const change = useChangePassword();
  const id = useId();

  function close() {
    setPassword("");
    setError(undefined);
    onClose();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!user) return;
    const bad = passwordProblem(password);
    setError(bad);
    if (bad) return;
    try {
      await change.mutateAsync({ id: user.id, newPassword: password });
      close();
    } catch (failure) {
      const fields = failure instanceof ApiError ? failure.fieldErrors() : {};
      setError(fields.newPassword ?? describeError(failure));
    }
  }

  return (
    <Dialog
      open={user !== null}
      title={`New password for ${user?.username ?? ""}`}
      onClose={close}
      actions={
        <>
          <button type="button" className="button-primary" onClick={() => void submit()} disabled={change.isPending}>
            Set password
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <p className="muted">The user is signed out everywhere and signs in with the new password.</p>
        <label htmlFor={`${id}-password`}>New password</label>
        <input
          id={`${id}-password`}
          type="password"
          value={password}
          autoComplete="new-password"
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={`${id}-error`}
          autoFocus
        />
        <FieldError id={`${id}-error`} message={error} />
      </form>
    </Dialog>
  );
}

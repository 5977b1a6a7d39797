import { type FormEvent, useId, useState } from "react";
import { Banner } from "../../../../components/Banner";
import { FieldError } from "../../../../components/FieldError";
import { ApiError, describeError } from "../../../../lib/api/problem";
import { useSession } from "../../../../lib/auth/SessionContext";
import { useMe } from "../../../../lib/auth/useMe";
import { useChangePassword } from "../api/users";
import { passwordProblem } from "../passwordRules";

/** Every user changes their own password here (with the current one); the change ends all their sessions. */
export function OwnPasswordPage() {
  const me = useMe();
  const { store } = useSession();
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const id = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!me.data) return;
    const local: Record<string, string> = {};
    if (!current) local.currentPassword = "must not be blank";
    const bad = passwordProblem(next);
    if (bad) local.newPassword = bad;
    else if (next !== repeat) local.repeat = "does not match the new password";
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await change.mutateAsync({ id: me.data.id, currentPassword: current, newPassword: next });
      setDone(true);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(Object.keys(fields).length ? fields : { currentPassword: describeError(error) });
    }
  }

  if (done) {
    return (
      <main className="page narrow">
        <h1>Password changed</h1>
        <Banner tone="success" testId="password-changed">
          Your password is changed and every session of yours has ended. Sign in again with the new password.
        </Banner>
        <button type="button" className="button-primary" onClick={() => void store.signOut()}>
          Sign in again
        </button>
      </main>
    );
  }

  return (
    <main className="page narrow">
      <h1>Change your password</h1>
      <p className="muted">Signed in as {me.data?.username}. Changing the password signs you out on every device.</p>
      <form onSubmit={submit} noValidate className="form">
        <label htmlFor={`${id}-current`}>Current password</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          aria-describedby={`${id}-current-error`}
        />
        <FieldError id={`${id}-current-error`} message={errors.currentPassword} />
        <label htmlFor={`${id}-new`}>New password (8 characters or more)</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          aria-describedby={`${id}-new-error`}
        />
        <FieldError id={`${id}-new-error`} message={errors.newPassword} />
        <label htmlFor={`${id}-repeat`}>New password again</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          aria-describedby={`${id}-repeat-error`}
        />
        <FieldError id={`${id}-repeat-error`} message={errors.repeat} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={change.isPending}>
            Change password
          </button>
        </div>
      </form>
    </main>
  );
}

import { type FormEvent, useId, useState } from "react";
import { Dialog } from "../../../../components/Dialog";
import { FieldError } from "../../../../components/FieldError";
import { ApiError, describeError } from "../../../../lib/api/problem";
import { useCreateUser } from "../api/users";
import { passwordProblem, usernameProblem } from "../passwordRules";
import { ROLES, type Role } from "../types";

/** A new user with a role and a first password (the user changes it on the account page). */
export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("OPERATOR");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateUser();
  const id = useId();

  function close() {
    setUsername("");
    setPassword("");
    setRole("OPERATOR");
    setErrors({});
    onClose();
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const local: Record<string, string> = {};
    const badName = usernameProblem(username.trim());
    const badPassword = passwordProblem(password);
    if (badName) local.username = badName;
    if (badPassword) local.password = badPassword;
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await create.mutateAsync({ username: username.trim(), password, role });
      close();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      setErrors(Object.keys(fields).length ? fields : { username: describeError(error) });
    }
  }

  return (
    <Dialog
      open={open}
      title="New user"
      onClose={close}
      actions={
        <>
          <button
            type="button"
            className="button-primary"
            onClick={() => void submit()}
            disabled={create.isPending}
            data-testid="create-user"
          >
            Create
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-username`}>User name</label>
        <input
          id={`${id}-username`}
          value={username}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => setUsername(e.target.value)}
          aria-describedby={`${id}-username-error`}
          autoFocus
          data-testid="new-username"
        />
        <FieldError id={`${id}-username-error`} message={errors.username} />
        <label htmlFor={`${id}-password`}>First password</label>
        <input
          id={`${id}-password`}
          type="password"
          value={password}
          autoComplete="new-password"
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby={`${id}-password-error`}
          data-testid="new-user-password"
        />
        <FieldError id={`${id}-password-error`} message={errors.password} />
        <label htmlFor={`${id}-role`}>Role</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          data-testid="new-user-role"
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
        <FieldError id={`${id}-role-error`} message={errors.role} />
      </form>
    </Dialog>
  );
}

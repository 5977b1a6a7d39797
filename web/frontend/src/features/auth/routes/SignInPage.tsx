import { type FormEvent, useEffect, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { Banner } from "../../../components/Banner";
import { FieldError } from "../../../components/FieldError";
import { ApiError, describeError } from "../../../lib/api/problem";
import { useSession } from "../../../lib/auth/SessionContext";

/** Sign-in; afterwards back to the page the user was sent away from. */
export function SignInPage() {
  const { store, signedIn, endedBecause } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const from = (location.state as { from?: string } | null)?.from ?? "/dashboards";
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);

  if (signedIn && !busy) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const response = await store.signIn(username, password);
      if (response.ok) {
        navigate(from, { replace: true });
        return;
      }
      const problem = await ApiError.from(response);
      if (response.status === 429) {
        setRetryAt(Date.now() + (problem.retryAfter ?? 30) * 1000);
        setError("Too many failed sign-ins.");
      } else if (response.status === 401) {
        setError("Wrong user name or password, or the account is disabled.");
      } else {
        setFields(problem.fieldErrors());
        setError(problem.problem.errors?.length ? null : describeError(problem));
      }
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">
          <img src="/favicon.svg" alt="" width={28} height={28} /> Sign in to ParX
        </h1>
        {endedBecause === "expired" && !error && (
          <Banner tone="info">Your session has ended. Sign in again to continue where you were.</Banner>
        )}
        {error && (
          <Banner tone="error" testId="signin-error">
            {error}
            {waitSeconds > 0 && <> Try again in {waitSeconds} s.</>}
          </Banner>
        )}
        <label htmlFor="username">User name</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={!!fields.username}
          aria-describedby="username-error"
          maxLength={100}
          required
          autoFocus
        />
        <FieldError id="username-error" message={fields.username} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={!!fields.password}
          aria-describedby="password-error"
          maxLength={200}
          required
        />
        <FieldError id="password-error" message={fields.password} />
        <button type="submit" className="button-primary" disabled={busy || waitSeconds > 0}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}

/** Whole seconds until `until`, re-rendering once per second while counting; 0 when past or null. */
function useCountdown(until: number | null): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - Date.now()) / 1000));
}

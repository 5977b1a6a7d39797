import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { type SessionStore, type SignOutReason } from "./session";

interface SessionContextValue {
  store: SessionStore;
  signedIn: boolean;
  /** Why the last session ended ("expired" sends the user to sign-in with a note). */
  endedBecause: SignOutReason | null;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  const [signedIn, setSignedIn] = useState(() => store.current() !== null);
  const [endedBecause, setEndedBecause] = useState<SignOutReason | null>(null);

  useEffect(
    () =>
      store.subscribe((session, reason) => {
        setSignedIn(session !== null);
        setEndedBecause(session ? null : (reason ?? "signed-out"));
      }),
    [store],
  );

  const value = useMemo(() => ({ store, signedIn, endedBecause }), [store, signedIn, endedBecause]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

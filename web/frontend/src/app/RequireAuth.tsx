import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "../lib/auth/SessionContext";

/** Without a session, to sign-in; the page asked for travels in the router state (never a token in the URL). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) {
    return <Navigate to="/signin" replace state={{ from: location.pathname + location.search + location.hash }} />;
  }
  return children;
}

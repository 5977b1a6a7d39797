import { Banner } from "./Banner";

/** A page or action the user's role does not allow: said in words instead of an empty page. */
export function Forbidden({ what, role }: { what: string; role?: string }) {
  return (
    <Banner tone="error" testId="forbidden">
      Your role{role ? ` (${role})` : ""} does not allow {what}. Ask an administrator if you need it.
    </Banner>
  );
}

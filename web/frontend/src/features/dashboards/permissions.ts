import type { Me } from "../../lib/auth/useMe";
import type { Dashboard } from "./types";

/** The admin-api's rule: ADMIN changes every dashboard, ENGINEER the own ones, OPERATOR none. */
export function mayEdit(dashboard: Dashboard, me: Me | undefined): boolean {
  if (!me) return false;
  return me.role === "ADMIN" || (me.role === "ENGINEER" && dashboard.owner === me.username);
}

/** Who may create and import dashboards. */
export function mayCreate(me: Me | undefined): boolean {
  return me?.role === "ADMIN" || me?.role === "ENGINEER";
}

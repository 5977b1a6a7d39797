import type { Me } from "./useMe";

type Role = Me["role"];

const RANK: Record<Role, number> = { OPERATOR: 1, ENGINEER: 2, ADMIN: 3 };

/**
 * Whether the signed-in user holds at least this role (OPERATOR < ENGINEER < ADMIN). Only decides what the app
 * offers: the services check every call themselves and answer 403.
 */
export function hasRole(me: Me | undefined, role: Role): boolean {
  return me !== undefined && RANK[me.role] >= RANK[role];
}

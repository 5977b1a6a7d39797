import type { components } from "../../../api/generated/admin-api";

export type User = components["schemas"]["User"];
export type NewUser = components["schemas"]["NewUser"];
export type Role = User["role"];

/** The admin-api's roles, weakest first. */
export const ROLES: Role[] = ["OPERATOR", "ENGINEER", "ADMIN"];

import type { components } from "../../api/generated/admin-api";

export type Channel = components["schemas"]["Channel"];

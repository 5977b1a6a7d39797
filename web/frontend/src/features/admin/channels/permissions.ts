import type { Me } from "../../../lib/auth/useMe";

/** The admin-api's rule for channels: ENGINEER and ADMIN write, every role reads. */
export function mayWriteChannels(me: Me | undefined): boolean {
  return me?.role === "ADMIN" || me?.role === "ENGINEER";
}

/** The admin-api's password rule (8 characters to 72 bytes of UTF-8, bcrypt's limit), checked before sending. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return "at least 8 characters";
  if (new TextEncoder().encode(password).length > 72) return "at most 72 bytes (UTF-8)";
  return undefined;
}

/** The admin-api's user name rule: 3 to 100 ASCII letters, digits and . _ @ - */
export function usernameProblem(username: string): string | undefined {
  if (username.length < 3 || username.length > 100) return "3 to 100 characters";
  if (!/^[A-Za-z0-9._@-]+$/.test(username)) return "letters, digits and . _ @ - only";
  return undefined;
}

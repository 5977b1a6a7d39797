import type { SessionStore } from "../auth/session";
import { connectivity } from "./connectivity";

const GATEWAY_FAILURES = new Set([502, 503, 504]);

/**
 * fetch with the session's bearer token. A 401 gets one retry with a refreshed token (the access token may have
 * been revoked or the signing key rotated); a second 401 ends the session, which sends the user to sign-in and
 * back. Network failures and the gateway's 502/503/504 feed the "server cannot be reached" banner.
 */
export function authFetch(session: SessionStore): (input: Request) => Promise<Response> {
  return async (input: Request) => {
    const retry = input.clone();
    const token = await session.accessToken();
    let response = await send(withToken(input, token));
    if (response.status === 401) {
      const fresh = await session.refresh(token);
      response = await send(withToken(retry, fresh.accessToken));
      if (response.status === 401) session.expire();
    }
    return response;
  };
}

function withToken(request: Request, token: string): Request {
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${token}`);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  return new Request(request, { headers });
}

async function send(request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (request.signal?.aborted) throw error;
    connectivity.unreachable("The ParX server cannot be reached.");
    throw error;
  }
  if (GATEWAY_FAILURES.has(response.status)) {
    connectivity.unreachable(await unreachableDetail(response));
  } else {
    connectivity.reachable();
  }
  return response;
}

async function unreachableDetail(response: Response): Promise<string> {
  try {
    const problem = (await response.clone().json()) as { detail?: string };
    if (problem.detail) return problem.detail;
  } catch {
    // not problem+json: a proxy in front of ParX answered
  }
  return `The ParX server answered ${response.status}.`;
}

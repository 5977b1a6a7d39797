import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import createClient from "openapi-fetch";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import type { Clients } from "../lib/api/clients";
import { ClientsProvider } from "../lib/api/ClientsContext";

/** What the fake server answers: a handler per "METHOD /path" (query string left out), else 404. */
export type Routes = Record<string, (request: Request) => Response | Promise<Response>>;

export function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { "Content-Type": "application/problem+json" },
  });
}

/**
 * Renders a page at a path with typed clients whose requests a table of handlers answers, as the services would; the
 * requests made are kept for assertions.
 */
export function renderWithApi(path: string, routes: { path: string; element: ReactElement }[], api: Routes) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    const url = new URL(request.url);
    const handler = api[`${request.method} ${url.pathname}`];
    return handler ? handler(request) : problem(404, { type: "/problems/not-found" });
  };
  const options = { baseUrl: "http://parx.test", fetch };
  const clients = {
    admin: createClient(options),
    analytics: createClient(options),
    collector: createClient(options),
    storage: createClient(options),
  } as unknown as Clients;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <ClientsProvider clients={clients}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ClientsProvider>,
  );
  return { requests, router };
}

export function me(role: "ADMIN" | "ENGINEER" | "OPERATOR") {
  return () =>
    Response.json({ id: 1, username: role.toLowerCase(), role, enabled: true, tokenExpiresAt: "2030-01-01T00:00:00Z" });
}

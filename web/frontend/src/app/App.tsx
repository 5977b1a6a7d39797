import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { RouterProvider } from "react-router";
import type { Clients } from "../lib/api/clients";
import { ClientsProvider } from "../lib/api/ClientsContext";
import { ApiError } from "../lib/api/problem";
import type { SessionStore } from "../lib/auth/session";
import { SessionProvider } from "../lib/auth/SessionContext";
import { LiveProvider } from "../lib/live/LiveContext";
import { createRouter } from "./router";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a network failure or a restarting service may.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 3,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App({ session, clients }: { session: SessionStore; clients: Clients }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  // Nothing of one user's data survives into the next sign-in.
  useEffect(() => session.subscribe((current) => current === null && queryClient.clear()), [session, queryClient]);

  return (
    <SessionProvider store={session}>
      <ClientsProvider clients={clients}>
        <QueryClientProvider client={queryClient}>
          <LiveProvider>
            <RouterProvider router={router} />
          </LiveProvider>
        </QueryClientProvider>
      </ClientsProvider>
    </SessionProvider>
  );
}

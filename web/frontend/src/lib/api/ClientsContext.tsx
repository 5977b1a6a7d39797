import { createContext, type ReactNode, useContext } from "react";
import type { Clients } from "./clients";

const ClientsContext = createContext<Clients | null>(null);

export function ClientsProvider({ clients, children }: { clients: Clients; children: ReactNode }) {
  return <ClientsContext.Provider value={clients}>{children}</ClientsContext.Provider>;
}

export function useClients(): Clients {
  const clients = useContext(ClientsContext);
  if (!clients) throw new Error("useClients outside ClientsProvider");
  return clients;
}

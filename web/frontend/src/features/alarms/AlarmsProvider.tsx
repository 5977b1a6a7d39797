import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { useClients } from "../../lib/api/ClientsContext";
import { useLiveStore } from "../../lib/live/LiveContext";
import { fetchActive } from "./api/alarms";
import { ActiveAlarms, type AlarmsState } from "./model/ActiveAlarms";

const AlarmsContext = createContext<ActiveAlarms | null>(null);

/**
 * The tab's one list of active alarms, for every signed-in page (the header shows its count on each): subscribed
 * over the live connection while mounted, polled when the router sends no alarm messages.
 */
export function AlarmsProvider({ children }: { children: ReactNode }) {
  const live = useLiveStore();
  const { storage } = useClients();
  const [store] = useState(() => new ActiveAlarms(() => fetchActive(storage), live.resubscribeAlarms));
  useEffect(() => {
    store.start();
    const stopAlarms = live.watchAlarms((message) => store.receive(message));
    const stopConnection = live.subscribeConnection(() => store.connection(live.connectionStatus().state));
    return () => {
      stopAlarms();
      stopConnection();
      store.stop();
    };
  }, [live, store]);
  return <AlarmsContext.Provider value={store}>{children}</AlarmsContext.Provider>;
}

/** Hands a store to the hooks below (the provider above, or a test with its own store). */
export function ActiveAlarmsProvider({ store, children }: { store: ActiveAlarms; children: ReactNode }) {
  return <AlarmsContext.Provider value={store}>{children}</AlarmsContext.Provider>;
}

export function useActiveAlarmsStore(): ActiveAlarms {
  const store = useContext(AlarmsContext);
  if (!store) throw new Error("useActiveAlarms outside AlarmsProvider");
  return store;
}

/** The active alarms, re-rendering the caller when they change. */
export function useActiveAlarms(): AlarmsState {
  const store = useActiveAlarmsStore();
  return useSyncExternalStore(store.subscribe, store.get);
}

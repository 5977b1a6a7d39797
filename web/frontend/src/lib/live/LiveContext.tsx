import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { useSession } from "../auth/SessionContext";
import { LiveConnection } from "./LiveConnection";
import { LiveStore } from "./LiveStore";

const LiveContext = createContext<LiveStore | null>(null);

/** Live updates per channel at most this often (the router keeps the newest of each interval). */
const MAX_RATE_PER_CHANNEL = 25;

function liveUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/ws`;
}

/** One live connection per tab while signed in, shared by every widget through the store. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { store: session, signedIn } = useSession();
  const [live] = useState(() => new LiveStore());

  useEffect(() => {
    if (!signedIn) return;
    const connection = new LiveConnection({
      url: liveUrl(),
      getToken: () => session.accessToken(),
      channels: () => live.watchedChannels(),
      onSamples: (samples, receivedAt) => live.ingest(samples, receivedAt),
      onStatus: (channelId, status) => live.setChannelStatus(channelId, status),
      onState: (state) => live.setConnectionState(state),
      alarms: () => live.alarmsWatched(),
      onAlarms: (message) => live.alarmMessage(message),
      maxRate: MAX_RATE_PER_CHANNEL,
    });
    live.attach({
      add: (ids) => connection.subscribe(ids),
      remove: (ids) => connection.unsubscribe(ids),
      addAlarms: () => connection.subscribeAlarms(),
      removeAlarms: () => connection.unsubscribeAlarms(),
    });
    connection.start();
    (window as unknown as { parxPerf?: unknown }).parxPerf = live.perf;
    return () => connection.close();
  }, [signedIn, session, live]);

  return <LiveStoreProvider store={live}>{children}</LiveStoreProvider>;
}

/** Hands a store to the live hooks below (the provider above, or a test with its own store). */
export function LiveStoreProvider({ store, children }: { store: LiveStore; children: ReactNode }) {
  return <LiveContext.Provider value={store}>{children}</LiveContext.Provider>;
}

export function useLiveStore(): LiveStore {
  const live = useContext(LiveContext);
  if (!live) throw new Error("useLiveStore outside LiveProvider");
  return live;
}

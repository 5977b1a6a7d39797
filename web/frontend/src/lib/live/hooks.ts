import { useCallback, useEffect, useSyncExternalStore } from "react";
import { useOnScreen } from "../visibility";
import { useLiveStore } from "./LiveContext";
import type { LiveSample, LiveStatus, LiveStore } from "./LiveStore";

/** Keeps the channels subscribed while the calling component is mounted. */
export function useWatch(channelIds: readonly number[]) {
  const live = useLiveStore();
  const key = channelIds.join(",");
  useEffect(() => {
    if (key === "") return;
    return live.watch(key.split(",").map(Number));
  }, [live, key]);
}

/**
 * Keeps the channels subscribed while the caller is mounted and on screen, for widgets that show only the newest value:
 * off screen they need no samples at all, so the router stops sending them (a dashboard taller than the screen then
 * receives what its visible part shows), and the snapshot that answers the subscription when the widget comes back
 * (200 px before it is in view) fills it again. Not for widgets that draw history (trends, the alarm log).
 */
export function useWatchWhileOnScreen(channelIds: readonly number[]) {
  useWatch(useOnScreen() ? channelIds : NONE);
}

const NONE: readonly number[] = [];

/**
 * The newest live sample of a channel (re-renders at most once per animation frame, and not while the caller is off
 * screen: it reads the newest sample again when it comes back).
 */
export function useLiveSample(channelId: number): LiveSample | undefined {
  const live = useLiveStore();
  return useSyncExternalStore(useChannelListener(channelId), () => live.sample(channelId));
}

/** "disabled" or "deleted" when an administrator changed the channel, else undefined. */
export function useChannelStatus(channelId: number): string | undefined {
  const live = useLiveStore();
  return useSyncExternalStore(useChannelListener(channelId), () => live.status(channelId));
}

/**
 * Many channels with one subscription (a table of 30 rows): the caller re-renders at most once per animation frame in
 * which any of them changed, and reads their samples from the returned store (`sample(id)`, `status(id)`); with rows
 * memoised, only the changed rows render again. Not while the caller is off screen; it reads the newest samples when
 * it comes back.
 */
export function useLiveChannels(channelIds: readonly number[]): LiveStore {
  const live = useLiveStore();
  const onScreen = useOnScreen();
  const key = channelIds.join(",");
  useWatchWhileOnScreen(channelIds);
  const subscribe = useCallback(
    (listener: () => void) => (key === "" ? () => {} : live.subscribeChannels(key.split(",").map(Number), listener)),
    [live, key],
  );
  // The flush count as snapshot: it changed when a listened channel did (and, back on screen, when any changed while
  // away), so React renders again then and not otherwise.
  useSyncExternalStore(onScreen ? subscribe : ignore, live.generation);
  return live;
}

const ignore = () => () => {};

/** Listens to a channel's changes while the caller is on screen. */
function useChannelListener(channelId: number): (listener: () => void) => () => void {
  const live = useLiveStore();
  const onScreen = useOnScreen();
  const subscribe = useCallback(
    (listener: () => void) => live.subscribeChannel(channelId, listener),
    [live, channelId],
  );
  return onScreen ? subscribe : ignore;
}

export function useLiveConnection(): LiveStatus {
  const live = useLiveStore();
  return useSyncExternalStore(live.subscribeConnection, live.connectionStatus);
}

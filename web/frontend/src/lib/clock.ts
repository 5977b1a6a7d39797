import { useSyncExternalStore } from "react";
import { useOnScreen } from "./visibility";

// One 1 Hz tick for everything that ages on screen (stale marks, "5 s ago"), instead of a timer per widget.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const ignore = () => () => {};

/** The time, updated once per second (not while the caller is off screen). */
export function useNow(): number {
  return useSyncExternalStore(useOnScreen() ? subscribe : ignore, () => now);
}

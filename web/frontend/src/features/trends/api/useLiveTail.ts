import { useEffect, useRef, useState } from "react";
import { useLiveStore } from "../../../lib/live/LiveContext";
import { useWatch } from "../../../lib/live/hooks";
import { numeric } from "../../../lib/live/protocol";
import { severityOf } from "../../../lib/quality";
import type { SeriesPoints } from "../model/chartData";

/** Most live points kept per channel (an hour of 10 Hz); older ones are dropped. */
const MAX_TAIL = 36_000;

/**
 * Live samples of the channels while following live, per channel in time order, and the current time: both change
 * at most four times a second (and once a second without samples), so following live redraws the page at a calm rate.
 */
export function useLiveTail(channelIds: number[], enabled: boolean) {
  const live = useLiveStore();
  const tails = useRef(new Map<number, SeriesPoints>());
  const [now, setNow] = useState(Date.now());
  const key = enabled ? channelIds.join(",") : "";
  useWatch(enabled ? channelIds : []);

  useEffect(() => {
    tails.current = new Map();
    if (!key) return;
    const ids = key.split(",").map(Number);
    let pending = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      setTimeout(() => {
        pending = false;
        setNow(Date.now());
      }, 250);
    };
    const stops = ids.map((id) =>
      live.subscribeStream(id, (samples) => {
        let tail = tails.current.get(id);
        if (!tail) tails.current.set(id, (tail = { xs: [], ys: [], qualities: [] }));
        for (const sample of samples) {
          const x = sample.time / 1000;
          if (tail.xs.length > 0 && x <= tail.xs[tail.xs.length - 1]) continue;
          const value = numeric(sample.value);
          tail.xs.push(x);
          tail.ys.push(severityOf(sample.quality) === "bad" || value === null ? null : value);
          tail.qualities.push(sample.quality);
        }
        if (tail.xs.length > MAX_TAIL) {
          const cut = tail.xs.length - MAX_TAIL;
          tail.xs.splice(0, cut);
          tail.ys.splice(0, cut);
          tail.qualities.splice(0, cut);
        }
        schedule();
      }),
    );
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      stops.forEach((stop) => stop());
      clearInterval(timer);
    };
  }, [live, key]);

  return { tails: tails.current, now };
}

/** The history's points followed by the live points newer than its last one. */
export function appendTail(history: SeriesPoints, tail: SeriesPoints | undefined): SeriesPoints {
  if (!tail || tail.xs.length === 0) return history;
  const end = history.xs.length ? history.xs[history.xs.length - 1] : -Infinity;
  const start = tail.xs.findIndex((x) => x > end);
  if (start < 0) return history;
  return {
    ...history,
    xs: history.xs.concat(tail.xs.slice(start)),
    ys: history.ys.concat(tail.ys.slice(start)),
    qualities: history.qualities.concat(tail.qualities.slice(start)),
  };
}

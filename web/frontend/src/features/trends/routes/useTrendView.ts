import { useCallback, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { type TrendView, viewFromSearch, viewToSearch } from "../model/view";
import { ZoomHistory } from "../model/ZoomHistory";

/** Wheel notches closer together than this are one zoom step (back undoes the whole gesture). */
const GESTURE_MS = 600;

/**
 * The view lives in the URL (replaced, not pushed, so that the browser's back button leaves the page rather than
 * stepping through every notch of the wheel); zoom and pan steps are kept in a {@link ZoomHistory} for the page's own
 * back and forward buttons.
 */
export function useTrendView() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const view = useMemo(() => viewFromSearch(search), [search]);
  const history = useRef<ZoomHistory<TrendView> | null>(null);
  if (!history.current) history.current = new ZoomHistory(view);
  const lastStep = useRef(0);

  const show = useCallback((next: TrendView) => setParams(viewToSearch(next), { replace: true }), [setParams]);

  /** A new view; `zoomStep` adds it to back/forward (a zoom, pan or range), else it amends the current step. */
  const change = useCallback(
    (next: TrendView, zoomStep: boolean, gesture = false) => {
      const zoom = history.current!;
      const now = Date.now();
      if (zoomStep && !(gesture && now - lastStep.current < GESTURE_MS)) zoom.push(next);
      else zoom.replace(next);
      if (zoomStep) lastStep.current = gesture ? now : 0;
      show(next);
    },
    [show],
  );

  // Changes that are not zoom steps (series, drawing) carry over to every step, so back keeps the series picked.
  const withSeries = (step: TrendView): TrendView => ({
    ...step,
    channels: view.channels,
    derived: view.derived,
    hidden: view.hidden,
    step: view.step,
    interval: view.interval,
    aggregate: view.aggregate,
    overlay: view.overlay,
  });

  return {
    view,
    change,
    canBack: history.current.canBack,
    canForward: history.current.canForward,
    back: () => show(withSeries(history.current!.back())),
    forward: () => show(withSeries(history.current!.forward())),
    reset: () => {
      const first = withSeries(history.current!.first);
      history.current!.push(first);
      show(first);
    },
  };
}

import { createContext, type ReactNode, type RefObject, useContext, useEffect, useState } from "react";

/**
 * Whether the part of the page below is on screen. A dashboard can hold far more widgets than fit on the screen; live
 * hooks below a boundary that is scrolled away stop listening (no re-render per sample or per clock tick) and read
 * the newest value again when it comes back, so a busy dashboard costs what its visible widgets cost.
 */
const OnScreen = createContext(true);

/** How far outside the viewport a widget still counts as on screen, so it is current before it scrolls in. */
const MARGIN = "200px";

/** Marks its children as on screen or not, by whether the element is (within a margin) in the viewport. */
export function VisibilityBoundary({
  target,
  children,
}: {
  target: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const onScreen = useIntersecting(target);
  return <OnScreen.Provider value={onScreen}>{children}</OnScreen.Provider>;
}

/** True unless an enclosing boundary is scrolled out of view (and outside any boundary). */
export function useOnScreen(): boolean {
  return useContext(OnScreen);
}

function useIntersecting(target: RefObject<HTMLElement | null>): boolean {
  const [intersecting, setIntersecting] = useState(true);
  useEffect(() => {
    const element = target.current;
    // Where IntersectionObserver is missing (old browsers, the unit tests' DOM) everything counts as on screen.
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setIntersecting(entry.isIntersecting), {
      rootMargin: MARGIN,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target]);
  return intersecting;
}

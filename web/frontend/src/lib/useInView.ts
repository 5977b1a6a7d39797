import { type RefObject, useEffect, useRef } from "react";

/**
 * Whether the element is on screen, as a ref (reading it never re-renders), with a callback when it comes into view:
 * a widget scrolled away skips its drawing and catches up once it is seen again. Where IntersectionObserver is missing
 * (old browsers, the unit tests' DOM) the element counts as always in view.
 */
export function useInView(ref: RefObject<HTMLElement | null>, onEnter: () => void): RefObject<boolean> {
  const inView = useRef(true);
  const enter = useRef(onEnter);
  enter.current = onEnter;
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => {
      const was = inView.current;
      inView.current = entry.isIntersecting;
      if (!was && entry.isIntersecting) enter.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}

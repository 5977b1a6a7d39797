import type { PointerEvent } from "react";

/**
 * A hover text computed when the pointer enters the element, not with every sample: a row's time, quality and age
 * change many times a second, and writing them into `title` for every row and sample costs the page time nobody sees.
 */
export function describeOnHover(describe: () => string) {
  return {
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      event.currentTarget.title = describe();
    },
  };
}

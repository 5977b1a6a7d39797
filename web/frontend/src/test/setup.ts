import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Each test starts with an empty document (Testing Library cleans up by itself only with vitest globals).
afterEach(() => cleanup());

// jsdom has no matchMedia; uPlot asks it for the device pixel ratio when it loads.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

import { act, render, screen } from "@testing-library/react";
import { useRef } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useLiveSample, useWatchWhileOnScreen } from "./live/hooks";
import { LiveStoreProvider } from "./live/LiveContext";
import { LiveStore } from "./live/LiveStore";
import { VisibilityBoundary } from "./visibility";

/** Stands in for the browser's IntersectionObserver, which jsdom lacks: the test says when the card scrolls. */
class FakeObserver {
  static current: FakeObserver | undefined;
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.current = this;
  }
  observe() {}
  disconnect() {}
  scroll(isIntersecting: boolean) {
    act(() => this.callback([{ isIntersecting }]));
  }
}

let renders = 0;
const WATCHED = [7];

function Value() {
  renders++;
  useWatchWhileOnScreen(WATCHED);
  const sample = useLiveSample(7);
  return <output>{String(sample?.value ?? "none")}</output>;
}

function Card() {
  const card = useRef<HTMLElement>(null);
  return (
    <section ref={card}>
      <VisibilityBoundary target={card}>
        <Value />
      </VisibilityBoundary>
    </section>
  );
}

function setUp() {
  const frames: (() => void)[] = [];
  const store = new LiveStore((flush) => frames.push(flush));
  const subscriptions = { add: vi.fn(), remove: vi.fn() };
  store.attach(subscriptions);
  const send = (value: number) =>
    act(() => {
      store.ingest([{ channelId: 7, time: new Date().toISOString(), value, quality: 0 }], 0);
      frames.splice(0).forEach((flush) => flush());
    });
  render(
    <LiveStoreProvider store={store}>
      <Card />
    </LiveStoreProvider>,
  );
  return { send, observer: FakeObserver.current!, subscriptions };
}

describe("VisibilityBoundary", () => {
  const original = globalThis.IntersectionObserver;
  beforeEach(() => {
    renders = 0;
    globalThis.IntersectionObserver = FakeObserver as unknown as typeof IntersectionObserver;
  });
  afterEach(() => {
    globalThis.IntersectionObserver = original;
  });

  // A dashboard of 50 widgets must cost what the few on screen cost: one scrolled away is not re-rendered per sample.
  it("does not re-render a live value while its card is off screen", () => {
    const { send, observer } = setUp();
    send(1);
    expect(screen.getByRole("status")).toHaveProperty("textContent", "1");
    observer.scroll(false);
    const before = renders;
    for (let value = 2; value <= 10; value++) send(value);
    expect(renders).toBe(before);
  });

  it("shows the newest value as soon as the card is back on screen", () => {
    const { send, observer } = setUp();
    observer.scroll(false);
    send(1);
    send(2);
    observer.scroll(true);
    expect(screen.getByRole("status")).toHaveProperty("textContent", "2");
    send(3);
    expect(screen.getByRole("status")).toHaveProperty("textContent", "3");
  });

  // The router sends nothing for a value nobody sees; the snapshot answering the new subscription fills it again.
  it("unsubscribes a value's channel while its card is off screen and subscribes it again when it is back", () => {
    const { observer, subscriptions } = setUp();
    expect(subscriptions.add).toHaveBeenCalledWith([7]);
    observer.scroll(false);
    expect(subscriptions.remove).toHaveBeenCalledWith([7]);
    observer.scroll(true);
    expect(subscriptions.add).toHaveBeenCalledTimes(2);
  });
});

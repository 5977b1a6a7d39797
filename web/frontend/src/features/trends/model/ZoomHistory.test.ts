import { describe, expect, it } from "vitest";
import { ZoomHistory } from "./ZoomHistory";

describe("ZoomHistory", () => {
  it("goes back and forward through the zoom steps", () => {
    const history = new ZoomHistory("hour");
    history.push("ten minutes");
    history.push("one minute");
    expect(history.back()).toBe("ten minutes");
    expect(history.back()).toBe("hour");
    expect(history.canBack).toBe(false);
    expect(history.back()).toBe("hour");
    expect(history.forward()).toBe("ten minutes");
    expect(history.forward()).toBe("one minute");
    expect(history.canForward).toBe(false);
  });

  it("drops the steps ahead when a new step follows going back", () => {
    const history = new ZoomHistory(1);
    history.push(2);
    history.push(3);
    history.back();
    history.push(4);
    expect(history.canForward).toBe(false);
    expect(history.back()).toBe(2);
  });

  it("resets to the first view as a new step, so that back returns to the zoomed one", () => {
    const history = new ZoomHistory("opened");
    history.push("zoomed");
    expect(history.reset()).toBe("opened");
    expect(history.back()).toBe("zoomed");
  });

  it("replaces the current step without adding one and keeps at most its limit", () => {
    const history = new ZoomHistory(0, 3);
    history.replace(10);
    expect(history.current).toBe(10);
    expect(history.canBack).toBe(false);
    [1, 2, 3, 4].forEach((step) => history.push(step));
    expect(history.back()).toBe(3);
    expect(history.back()).toBe(2);
    expect(history.canBack).toBe(false);
  });
});

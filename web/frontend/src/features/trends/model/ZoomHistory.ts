/**
 * Back and forward through the views a user zoomed and panned to, like a browser's history: a new step after going
 * back drops the steps ahead of it. Bounded, so that an afternoon of wheel zooming does not grow without end.
 */
export class ZoomHistory<T> {
  private steps: T[];
  private index = 0;

  constructor(
    initial: T,
    private readonly limit = 100,
  ) {
    this.steps = [initial];
  }

  get current(): T {
    return this.steps[this.index];
  }

  get canBack(): boolean {
    return this.index > 0;
  }

  get canForward(): boolean {
    return this.index < this.steps.length - 1;
  }

  push(step: T): T {
    this.steps = this.steps.slice(0, this.index + 1);
    this.steps.push(step);
    if (this.steps.length > this.limit) this.steps.shift();
    this.index = this.steps.length - 1;
    return step;
  }

  /** Replaces the current step (a change that is not a zoom step, e.g. another colour or a hidden series). */
  replace(step: T): T {
    this.steps[this.index] = step;
    return step;
  }

  back(): T {
    if (this.canBack) this.index--;
    return this.current;
  }

  forward(): T {
    if (this.canForward) this.index++;
    return this.current;
  }

  /** Back to the first step (double-click on the plot). */
  reset(): T {
    return this.push(this.steps[0]);
  }

  get first(): T {
    return this.steps[0];
  }
}

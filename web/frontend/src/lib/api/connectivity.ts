// Whether the server answers: the app shows a banner instead of a blank page while it does not. Fed by every REST
// request (network failures and the gateway's 502/503/504 set it, any other answer clears it).

export interface Connectivity {
  reachable: boolean;
  /** What is unreachable, e.g. "analytics-engine cannot be reached". */
  detail: string | null;
  since: number;
}

type Listener = () => void;

class ConnectivityStore {
  private state: Connectivity = { reachable: true, detail: null, since: Date.now() };
  private readonly listeners = new Set<Listener>();

  get = (): Connectivity => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  reachable() {
    if (!this.state.reachable) this.set({ reachable: true, detail: null, since: Date.now() });
  }

  unreachable(detail: string) {
    if (this.state.reachable || this.state.detail !== detail) {
      this.set({ reachable: false, detail, since: this.state.reachable ? Date.now() : this.state.since });
    }
  }

  private set(state: Connectivity) {
    this.state = state;
    this.listeners.forEach((listener) => listener());
  }
}

export const connectivity = new ConnectivityStore();

import { Component, type ErrorInfo, type ReactNode } from "react";

/** Keeps one failing part (a widget) from blanking the page around it. */
export class ErrorBoundary extends Component<{ children: ReactNode; what: string }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.what} failed`, error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <p className="widget-error" role="alert">
          This {this.props.what} could not be drawn: {this.state.error.message}
        </p>
      );
    }
    return this.props.children;
  }
}

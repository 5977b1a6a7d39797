import { describeError } from "../lib/api/problem";
import { Banner } from "./Banner";

/** What a page shows while its data loads or when loading failed. */
export function QueryState({ isLoading, error, what }: { isLoading: boolean; error: unknown; what: string }) {
  if (isLoading) {
    return (
      <p className="muted" aria-live="polite">
        Loading {what}…
      </p>
    );
  }
  if (error) {
    return (
      <Banner tone="error">
        Could not load {what}: {describeError(error)}
      </Banner>
    );
  }
  return null;
}

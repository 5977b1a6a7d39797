import type { ReactNode } from "react";

type Tone = "error" | "warning" | "info" | "success";

/** A full-width notice; `role="alert"` for errors so that screen readers announce them. */
export function Banner({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === "error" ? "alert" : "status"} data-testid={testId}>
      {children}
    </div>
  );
}

import type { WidgetProps } from "./types";

/** Static text (shift notes, instructions): plain text, line breaks kept, never interpreted as HTML. */
export function TextWidget({ widget }: WidgetProps) {
  return <div className="text-widget">{widget.options.text || <span className="muted">(no text)</span>}</div>;
}

import { type ReactNode, useRef } from "react";
import { Link } from "react-router";
import { trendViewerLink } from "../../trends";
import { ErrorBoundary } from "../../../components/ErrorBoundary";
import { VisibilityBoundary } from "../../../lib/visibility";
import type { Widget } from "../types";
import { WIDGETS } from "../widgets/registry";

interface Props {
  widget: Widget;
  editing: boolean;
  selected: boolean;
  onSelect: () => void;
  onRemove: () => void;
  children: ReactNode;
}

/** A widget's card: its title, in edit mode a drag handle and the buttons to edit or remove it. */
export function WidgetFrame({ widget, editing, selected, onSelect, onRemove, children }: Props) {
  const titleId = `widget-title-${widget.id}`;
  const title = widget.title || WIDGETS[widget.kind].label;
  const card = useRef<HTMLElement>(null);
  return (
    <section
      ref={card}
      className={`widget widget-${widget.kind.toLowerCase()}${selected ? " widget-selected" : ""}`}
      aria-labelledby={titleId}
      data-widget-id={widget.id}
      data-kind={widget.kind}
    >
      <header className="widget-header">
        {editing && (
          <span className="drag-handle" title="Drag to move" aria-hidden="true">
            ⠿
          </span>
        )}
        <h2 id={titleId}>{title}</h2>
        {!editing && widget.kind === "TREND" && widget.channelIds.length > 0 && (
          <span className="widget-tools">
            <Link
              to={trendViewerLink(widget.channelIds, widget.options.window, widget.options.step === true)}
              className="icon-button"
              title="Open in trend viewer"
              aria-label={`Open ${title} in the trend viewer`}
              data-testid="open-in-trends"
            >
              ↗
            </Link>
          </span>
        )}
        {editing && (
          <span className="widget-tools">
            <button type="button" className="icon-button" onClick={onSelect} aria-label={`Edit ${title}`}>
              ✎
            </button>
            <button type="button" className="icon-button" onClick={onRemove} aria-label={`Remove ${title}`}>
              ✕
            </button>
          </span>
        )}
      </header>
      <div className="widget-body">
        <VisibilityBoundary target={card}>
          <ErrorBoundary what="widget">{children}</ErrorBoundary>
        </VisibilityBoundary>
      </div>
    </section>
  );
}

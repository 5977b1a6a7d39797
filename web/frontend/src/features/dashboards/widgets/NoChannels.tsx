/** Shown by a widget that needs channels and has none bound. */
export function NoChannels() {
  return <p className="muted widget-empty">No channel bound. An engineer can bind channels in edit mode.</p>;
}

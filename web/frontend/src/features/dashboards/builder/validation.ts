import { GRID_COLUMNS, type Widget } from "../types";

/** The checks the admin-api makes (Widget.read), so most mistakes show before saving. */
export function validate(widget: Widget): Record<string, string> {
  const errors: Record<string, string> = {};
  const int = (value: number) => Number.isInteger(value);
  if (!int(widget.x) || widget.x < 0 || widget.x > GRID_COLUMNS - 1)
    errors.x = `must be between 0 and ${GRID_COLUMNS - 1}`;
  if (!int(widget.y) || widget.y < 0 || widget.y > 10_000) errors.y = "must be between 0 and 10000";
  if (!int(widget.w) || widget.w < 1 || widget.w > GRID_COLUMNS) errors.w = `must be between 1 and ${GRID_COLUMNS}`;
  else if (!errors.x && widget.x + widget.w > GRID_COLUMNS) errors.w = `the widget runs past column ${GRID_COLUMNS}`;
  if (!int(widget.h) || widget.h < 1 || widget.h > 100) errors.h = "must be between 1 and 100";
  if (widget.title.length > 200) errors.title = "at most 200 characters";
  const { min, max, decimals, staleAfter } = widget.options;
  if (typeof min === "number" && typeof max === "number" && max <= min) errors.max = "must be greater than min";
  if (decimals !== undefined && (!int(decimals) || decimals < 0 || decimals > 10)) errors.decimals = "0 to 10";
  if (staleAfter !== undefined && (!(staleAfter >= 0) || !Number.isFinite(staleAfter))) errors.staleAfter = "0 or more";
  return errors;
}

// Channel-name completion in the formula editor: what the user is typing at the caret, and the text after choosing.

/** A channel reference being typed: `[Fur` (a name in brackets) or `#Fur` (to become `#12`). */
export interface Typing {
  kind: "name" | "id";
  /** Where the reference starts (its `[` or `#`). */
  start: number;
  /** The text typed after the `[` or `#`. */
  text: string;
}

/** The reference the caret is in, if any: an unclosed `[` or a `#` followed by letters before the caret. */
export function typingAt(formula: string, caret: number): Typing | null {
  const before = formula.slice(0, caret);
  const open = before.lastIndexOf("[");
  if (open >= 0 && before.indexOf("]", open) < 0) {
    return { kind: "name", start: open, text: before.slice(open + 1) };
  }
  const hash = /#([^\s#[\]()+\-*/%^<>=!&|,]*)$/.exec(before);
  if (hash && !/^\d+$/.test(hash[1])) return { kind: "id", start: caret - hash[0].length, text: hash[1] };
  return null;
}

/** The formula with the typed reference replaced by the chosen channel, and the caret after it. */
export function complete(
  formula: string,
  caret: number,
  typing: Typing,
  channel: { id: number; name: string },
): { formula: string; caret: number } {
  let end = caret;
  if (typing.kind === "name") {
    // Replace up to and including a closing bracket right after the caret, if the user had typed one.
    const close = formula.indexOf("]", caret);
    const nextOpen = formula.indexOf("[", caret);
    if (close >= 0 && (nextOpen < 0 || close < nextOpen) && !formula.slice(caret, close).includes("\n"))
      end = close + 1;
  }
  const reference = typing.kind === "name" ? `[${channel.name}]` : `#${channel.id}`;
  const next = formula.slice(0, typing.start) + reference + formula.slice(end);
  return { formula: next, caret: typing.start + reference.length };
}

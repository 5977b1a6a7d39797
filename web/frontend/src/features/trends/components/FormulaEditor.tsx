import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useChannelSearch } from "../../channels";
import { complete, type Typing, typingAt } from "../model/completion";

interface Props {
  value: string;
  onChange: (formula: string) => void;
  /** The 0-based position of a syntax error, underlined; null when the formula parses. */
  errorPosition: number | null;
  errorMessage: string | null;
}

/**
 * A formula textarea with channel completion: `[` followed by part of a name, or `#` followed by part of a name,
 * offers matching channels (arrow keys and Enter or Tab to take one, Escape to close). The syntax error is
 * underlined at its position by a copy of the text drawn under the transparent textarea.
 */
export function FormulaEditor({ value, onChange, errorPosition, errorMessage }: Props) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [typing, setTyping] = useState<Typing | null>(null);
  const [active, setActive] = useState(0);
  const search = useChannelSearch(typing && typing.text.trim().length > 0 ? typing.text : "");
  const options = typing && typing.text.trim() ? (search.data ?? []).slice(0, 12) : [];

  const update = (text: string, caret: number) => {
    onChange(text);
    setTyping(typingAt(text, caret));
    setActive(0);
  };
  const choose = (channel: { id: number; name: string }) => {
    const element = area.current;
    if (!element || !typing) return;
    const next = complete(value, element.selectionStart, typing, channel);
    onChange(next.formula);
    setTyping(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (options.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      setTyping(null);
    }
  };

  const at = errorPosition === null ? -1 : Math.min(Math.max(errorPosition, 0), value.length);
  return (
    <div className="formula-editor">
      <label htmlFor={`${id}-formula`}>Formula</label>
      <div className="formula-box">
        <div className="formula-backdrop" aria-hidden="true">
          {at < 0 ? (
            value
          ) : (
            <>
              {value.slice(0, at)}
              <mark className="formula-error" data-testid="formula-error-mark">
                {value.slice(at, at + 1) || " "}
              </mark>
              {value.slice(at + 1)}
            </>
          )}
          {"\n"}
        </div>
        <textarea
          id={`${id}-formula`}
          ref={area}
          value={value}
          rows={3}
          maxLength={10_000}
          spellCheck={false}
          aria-invalid={at >= 0}
          aria-describedby={errorMessage ? `${id}-error` : undefined}
          aria-autocomplete="list"
          aria-controls={`${id}-options`}
          placeholder="e.g. [Furnace.Temperature] * 1.8 + 32"
          onChange={(e) => update(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onClick={(e) => setTyping(typingAt(value, e.currentTarget.selectionStart))}
          onBlur={() => setTimeout(() => setTyping(null), 200)}
          data-testid="formula"
        />
      </div>
      {options.length > 0 && (
        <ul className="search-results" id={`${id}-options`} role="listbox" aria-label="Channels">
          {options.map((channel, index) => (
            <li key={channel.id} role="option" aria-selected={index === active}>
              <button
                type="button"
                className={index === active ? "result result-active" : "result"}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(channel)}
                data-testid="formula-option"
              >
                <span>
                  {channel.name} <span className="muted">#{channel.id}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {errorMessage && (
        <p className="field-error" id={`${id}-error`} role="alert" data-testid="formula-error">
          {errorMessage}
        </p>
      )}
    </div>
  );
}

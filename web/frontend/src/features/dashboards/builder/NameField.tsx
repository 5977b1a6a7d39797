import { useEffect, useState } from "react";

/** The dashboard's name; a rename becomes one undo step when the field is left, not one per keystroke. */
export function NameField({ id, name, onCommit }: { id: string; name: string; onCommit: (name: string) => void }) {
  const [text, setText] = useState(name);
  useEffect(() => setText(name), [name]);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        Dashboard name
      </label>
      <input
        id={id}
        className="builder-name"
        value={text}
        maxLength={200}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onCommit(text)}
        onKeyDown={(e) => e.key === "Enter" && onCommit(text)}
        aria-describedby={`${id}-error`}
        data-testid="dashboard-name"
      />
    </>
  );
}

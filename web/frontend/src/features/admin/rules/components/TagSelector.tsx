import { useId, useState } from "react";
import { describeError } from "../../../../lib/api/problem";
import { useChannelsOfTag } from "../api/channelsOfTag";

/** "Select all of a tag": adds every channel carrying the tag, however many pages that takes. */
export function TagSelector({ selected, onChange }: { selected: number[]; onChange: (ids: number[]) => void }) {
  const [tag, setTag] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const channelsOfTag = useChannelsOfTag();
  const id = useId();

  async function addAll() {
    const wanted = tag.trim();
    if (!wanted) return;
    setBusy(true);
    setMessage(null);
    try {
      const ids = await channelsOfTag(wanted);
      const added = ids.filter((channelId) => !selected.includes(channelId));
      onChange([...selected, ...added]);
      setMessage(
        ids.length === 0 ? `No channel carries the tag “${wanted}”.` : `Added ${added.length} of ${ids.length}.`,
      );
    } catch (error) {
      setMessage(describeError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="field-pair">
      <label htmlFor={`${id}-tag`}>Every channel with the tag</label>
      <input
        id={`${id}-tag`}
        value={tag}
        maxLength={100}
        placeholder="e.g. line1"
        onChange={(e) => setTag(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            void addAll();
          }
        }}
        data-testid="rule-tag"
      />
      <button type="button" onClick={() => void addAll()} disabled={busy || !tag.trim()} data-testid="rule-add-tag">
        Add all of the tag
      </button>
      {message && (
        <span className="muted" aria-live="polite" data-testid="rule-tag-result">
          {message}
        </span>
      )}
    </div>
  );
}

import { useCallback, useState } from "react";
import type { Draft } from "./draft";

/** Undo steps kept. */
const UNDO_LIMIT = 50;

/** The builder's working copy with an undo history; every change is one step. */
export function useDraft() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [past, setPast] = useState<Draft[]>([]);

  const begin = useCallback((start: Draft) => {
    setDraft(start);
    setPast([]);
  }, []);

  const change = useCallback((update: (current: Draft) => Draft | null) => {
    setDraft((current) => {
      if (!current) return current;
      const next = update(current);
      if (!next || next === current) return current;
      setPast((old) => [...old.slice(-(UNDO_LIMIT - 1)), current]);
      return next;
    });
  }, []);

  const undo = useCallback(() => {
    setPast((old) => {
      if (old.length === 0) return old;
      setDraft(old[old.length - 1]);
      return old.slice(0, -1);
    });
  }, []);

  const end = useCallback(() => {
    setDraft(null);
    setPast([]);
  }, []);

  return { draft, canUndo: past.length > 0, begin, change, undo, end };
}

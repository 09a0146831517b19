/**
 * Remembers the last non-empty text selection inside `root`, so a button press
 * (which may move focus) can still start reading from it.
 * Returns a function that gives the remembered range, or null.
 */
export function rememberSelection(root: Element): () => Range | null {
  let last: Range | null = null;
  document.addEventListener('selectionchange', () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (root.contains(range.commonAncestorContainer)) last = range.cloneRange();
  });
  return () => {
    const selection = document.getSelection();
    if (selection && !selection.isCollapsed && selection.rangeCount > 0) {
      const range = selection.getRangeAt(0);
      if (root.contains(range.commonAncestorContainer)) return range.cloneRange();
    }
    return last;
  };
}

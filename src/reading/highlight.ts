/** Name of the CSS highlight styled by `::highlight(read-aloud)` in reading-tools.css. */
const highlightName = 'read-aloud';
/** Class on the block being read: a visible bar beside it, so colour is not the only cue. */
const blockClass = 'is-being-read';

/**
 * Marks `range` as the sentence being read (CSS Custom Highlight API where the
 * browser has it) and its `block`; pass null to clear. Scrolls the block into view.
 */
export function highlightSentence(range: Range | null, block: Element | null): void {
  for (const el of document.querySelectorAll(`.${blockClass}`)) if (el !== block) el.classList.remove(blockClass);
  const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  if (highlights) {
    if (range) highlights.set(highlightName, new Highlight(range));
    else highlights.delete(highlightName);
  }
  if (!block) return;
  block.classList.add(blockClass);
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  block.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
}

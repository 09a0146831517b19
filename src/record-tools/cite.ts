/** Today's date as YYYY-MM-DD in the reader's own time zone. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Wires the 复制引用 button: fills the citation date with today's date and copies the
 * reference. The button is hidden until this runs, so without JavaScript readers see
 * only the reference text, which they can select themselves.
 */
export function startCiteButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-cite-copy]')) {
    const section = button.closest('.cite');
    const text = section?.querySelector<HTMLElement>('.cite__text');
    const status = section?.querySelector<HTMLElement>('.cite__status');
    if (!text || !status) continue;
    const placeholder = text.dataset.placeholder ?? '引用日期';
    text.textContent = (text.textContent ?? '').replace(`[${placeholder}]`, `[${today()}]`);
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text.textContent ?? '');
        status.textContent = '已复制引用文字。';
      } catch {
        // No clipboard permission (e.g. an embedded view): select the text for the reader instead.
        const range = document.createRange();
        range.selectNodeContents(text);
        const selection = getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        status.textContent = '无法自动复制，已选中引用文字，请按 Ctrl+C 复制。';
      }
    });
  }
}

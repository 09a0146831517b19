/**
 * The reading guide (阅读辅助线): a ruled band, one text line high, framing the line the
 * pointer is on or the focused control, so its rules fall between lines rather than
 * through them. It is decorative (aria-hidden) and never takes pointer events, so it
 * cannot hide or block anything.
 */
export class ReadingGuide {
  #line: HTMLElement | null = null;
  #onPointer = (event: PointerEvent) => {
    const line = parseFloat(getComputedStyle(document.body).lineHeight) || 32;
    this.#frame(event.clientY - line / 2, line);
  };
  #onFocus = (event: FocusEvent) => {
    const target = event.target as Element | null;
    if (!target?.getBoundingClientRect) return;
    const box = target.getBoundingClientRect();
    this.#frame(box.top - 6, box.height + 12);
  };

  /** Shows or hides the guide. */
  setEnabled(on: boolean): void {
    if (on && !this.#line) {
      this.#line = document.createElement('div');
      this.#line.className = 'reading-guide-line';
      this.#line.setAttribute('aria-hidden', 'true');
      this.#line.hidden = true; // until the pointer or focus gives it a place
      document.body.append(this.#line);
      addEventListener('pointermove', this.#onPointer, { passive: true });
      addEventListener('focusin', this.#onFocus);
    } else if (!on && this.#line) {
      removeEventListener('pointermove', this.#onPointer);
      removeEventListener('focusin', this.#onFocus);
      this.#line.remove();
      this.#line = null;
    }
  }

  #frame(top: number, height: number): void {
    if (!this.#line) return;
    this.#line.hidden = false;
    this.#line.style.transform = `translateY(${Math.round(top)}px)`;
    this.#line.style.height = `${Math.round(height)}px`;
  }
}

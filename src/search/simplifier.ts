import type { ToSimplified } from './normalize.ts';

let simplifier: Promise<ToSimplified> | undefined;

/** The Traditional → Simplified converter for the browser, loaded on first need (≈110 KB). */
export function loadSimplifier(): Promise<ToSimplified> {
  simplifier ??= import('opencc-js/t2cn').then((m) => m.Converter({ from: 'tw', to: 'cn' }) as ToSimplified);
  return simplifier;
}

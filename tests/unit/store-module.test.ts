import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { piecewiseStoreModule, STORE_MODULE_ID } from '../../src/integrations/store-module.ts';

const root = resolve(import.meta.dirname, '../..');

/** Evaluates a module of the form `export default <expression>`. */
function evaluate(code: string): unknown {
  return new Function(`return ${code.replace(/^export default /, '')}`)();
}

describe("Astro's content store module in pieces", () => {
  test('the module id is the one Astro gives its store module', () => {
    const consts = readFileSync(resolve(root, 'node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(consts).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;');
    expect(STORE_MODULE_ID).toBe('\0astro:data-layer-content');
  });

  test("Astro's module is written in the form the rewrite expects", () => {
    const plugin = readFileSync(resolve(root, 'node_modules/astro/dist/content/vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(plugin).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });

  test('the rewritten module gives the same store, in literals of at most the piece size', () => {
    // Chinese text, quotes, backslashes, a character outside the BMP that a piece
    // boundary splits, and line separators.
    const store = { records: Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, title: `关于“河长制”\\的提案 ${i} 𠮷\u2028` })) };
    const json = JSON.stringify(store);
    const astro = `export default JSON.parse(${JSON.stringify(json)})`;
    for (const piece of [7, 64, 1000]) {
      const rewritten = piecewiseStoreModule(astro, piece)!;
      expect(rewritten).not.toBeNull();
      expect(evaluate(rewritten)).toEqual(store);
      const lines = rewritten.split('\n');
      expect(lines[0]).toBe('export default JSON.parse([');
      expect(lines.at(-1)).toBe("].join(''))");
      const literals = lines.slice(1, -1).map((line) => line.replace(/,$/, ''));
      expect(literals.length).toBeGreaterThan(1);
      for (const literal of literals) expect((JSON.parse(literal) as string).length).toBeLessThanOrEqual(piece);
    }
  });

  test('a module of another form, or a small store, is left alone', () => {
    expect(piecewiseStoreModule('export default new Map()', 4)).toBeNull();
    expect(piecewiseStoreModule('export default{"records":[(await import("x"))]}', 4)).toBeNull();
    expect(piecewiseStoreModule(`export default JSON.parse(${JSON.stringify('{"a":1}')})`, 100)).toBeNull();
  });
});

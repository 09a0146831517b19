import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { STORE_MODULE_ID, storeModuleFromFile } from '../../src/integrations/store-module.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'archive-store-module-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Evaluates a module of the form `export default <expression>`. */
function evaluate(code: string): unknown {
  return new Function(`return ${code.replace(/^export default /, '')}`)();
}

describe("Astro's content store module, read from a file", () => {
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

  test('the rewritten module gives the same store, read from its file', async () => {
    // Chinese text, quotes, backslashes, a character outside the BMP, and line separators.
    const store = { records: Array.from({ length: 40 }, (_, i) => ({ id: `r${i}`, title: `关于“河长制”\\的提案 ${i} 𠮷\u2028` })) };
    const json = JSON.stringify(store);
    const astro = `export default JSON.parse(${JSON.stringify(json)})`;
    const file = join(work, 'store.json');
    const rewritten = storeModuleFromFile(astro, file, 10)!;
    expect(rewritten).not.toBeNull();
    expect(rewritten.length).toBeLessThan(300);
    expect(evaluate(astro)).toEqual(store);
    const module = join(work, 'store-module.mjs');
    writeFileSync(module, rewritten);
    expect(((await import(pathToFileURL(module).href)) as { default: unknown }).default).toEqual(store);
  });

  test('a module of another form, or a small store, is left alone', () => {
    const file = join(work, 'left-alone.json');
    expect(storeModuleFromFile('export default new Map()', file, 4)).toBeNull();
    expect(storeModuleFromFile('export default{"records":[(await import("x"))]}', file, 4)).toBeNull();
    expect(storeModuleFromFile(`export default JSON.parse(${JSON.stringify('{"a":1}')})`, file, 100)).toBeNull();
    expect(existsSync(file)).toBe(false);
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRecordSource } from '../../src/validation/validate-record.ts';
import { caseJson, importCase, importCases, renderedBlocks } from '../support/import-cases.ts';

// UPDATE_FIXTURES=1 rewrites expected.md / expected.json from the importer's output;
// review the diff by eye before committing it.
const update = process.env.UPDATE_FIXTURES === '1';

describe.each(importCases())('import fixture $name', (c) => {
  const result = importCase(c);
  const mdPath = join(c.dir, 'expected.md');
  const jsonPath = join(c.dir, 'expected.json');
  if (update) {
    if (result.fileText) writeFileSync(mdPath, result.fileText);
    writeFileSync(jsonPath, `${JSON.stringify(caseJson(result), null, 2)}\n`);
  }

  it('matches expected.md and expected.json', () => {
    expect(existsSync(jsonPath), `${jsonPath} is missing; run with UPDATE_FIXTURES=1 and review it`).toBe(true);
    expect(caseJson(result)).toEqual(JSON.parse(readFileSync(jsonPath, 'utf8')));
    if (result.ok) expect(result.fileText).toBe(readFileSync(mdPath, 'utf8'));
  });

  it('becomes a valid record whose file name is its id', () => {
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    const check = validateRecordSource(result.relPath ?? '', result.fileText ?? '');
    expect(check.problems).toEqual([]);
    expect(result.relPath).toBe(`${result.relPath?.split('/')[0]}/${check.record?.id}.md`);
  });

  it.each(['gfm', 'mdx'] as const)('renders its body as exactly the published paragraphs (%s)', (flavour) => {
    const blocks = renderedBlocks(result.body, flavour);
    expect(blocks.filter((b) => !b.plain)).toEqual([]);
    expect(blocks.map((b) => b.text)).toEqual(result.paragraphs);
  });
});

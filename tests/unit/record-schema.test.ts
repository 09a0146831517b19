import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { renderProblems } from '../../src/validation/format-issues.ts';
import { listRecordFiles, validateArchive } from '../../src/validation/validate-archive.ts';
import { validateRecordSource } from '../../src/validation/validate-record.ts';

const root = resolve(import.meta.dirname, '../..');

/** A valid reply record; each test breaks one thing. */
const valid = `---
id: 2018-cppcc-13-2-5-abc123
kind: cppcc-proposal-reply
title: 关于区政协十三届二次会议第5号提案的答复
session: { body: cppcc, level: 区, place: 宣州区, term: 13, meeting: 2 }
number: "5"
proposers:
  - { name: 王玲玲, role: 委员 }
handlingUnit: 宣州区招商合作服务中心
reply: { date: '2018-09-30', dateText: 2018年9月30 }
publication: { publishedDate: '2018-11-05' }
---
王玲玲委员：
`;

function problemsOf(text: string): string {
  return renderProblems(validateRecordSource('records/x.md', text).problems);
}

describe('the demo archive', () => {
  const files = listRecordFiles(resolve(root, 'content/records'));

  test('holds the five seed records', () => {
    expect(files).toHaveLength(5);
  });

  test.each(files.map((f) => [relative(root, f)]))('%s parses against the record schema', (file) => {
    const check = validateRecordSource(file, readFileSync(resolve(root, file), 'utf8'));
    expect(renderProblems(check.problems)).toBe('');
    expect(check.record?.title).toBeTruthy();
  });

  test('has valid settings, unique ids and file names that match ids', () => {
    expect(renderProblems(validateArchive(resolve(root, 'content'), root).problems)).toBe('');
  });
});

describe('a record with invalid frontmatter', () => {
  test('is accepted when nothing is broken', () => {
    expect(problemsOf(valid)).toBe('');
    const record = validateRecordSource('x.md', valid).record!;
    expect(record.kind).toBe('cppcc-proposal-reply');
    if (record.kind !== 'cppcc-proposal-reply') return;
    expect(record.coUnits).toEqual([]);
  });

  test('missing title: names file, line, field and what to do', () => {
    expect(problemsOf(valid.replace(/^title: .*\n/m, ''))).toBe(
      'records/x.md:1: field "title" (名称/标题) is missing; expected a string. Hint: copy the page title (名称) as text.',
    );
  });

  test('bad date: shows the value and the expected form', () => {
    expect(problemsOf(valid.replace("date: '2018-09-30'", "date: '2018-13-45'"))).toBe(
      'records/x.md:10: field "reply.date" (答复日期) is "2018-13-45"; expected a date written YYYY-MM-DD. Hint: write the date as YYYY-MM-DD; if the page prints a broken date, leave this null and keep the printed text in dateText.',
    );
  });

  test('unknown kind: lists the kinds there are', () => {
    expect(problemsOf(valid.replace('kind: cppcc-proposal-reply', 'kind: proposal'))).toBe(
      'records/x.md:3: field "kind" (record kind) is "proposal", an unknown kind; expected one of "cppcc-proposal-reply", "npc-suggestion-reply", "co-handling-opinion", "document". Hint: use cppcc-proposal-reply (政协提案答复), npc-suggestion-reply (人大建议答复), co-handling-opinion (协办意见) or document (文件资料).',
    );
  });

  test('wrong type: says what was found and what was expected', () => {
    expect(problemsOf(valid.replace('term: 13', 'term: 十三'))).toBe(
      'records/x.md:5: field "session.term" (届) is "十三" (a string); expected a number. Hint: write the term as a whole number: 十三届 → 13.',
    );
  });

  test('a misspelt field is reported rather than silently ignored', () => {
    expect(problemsOf(valid.replace('handlingUnit:', 'handlingUnt:'))).toBe(
      'records/x.md:9: field "handlingUnt" is not part of the record format. Hint: check its spelling against src/schemas/, or remove it.',
    );
  });

  test('several problems are all reported, one line each', () => {
    const text = valid.replace(/^title: .*\n/m, '').replace('term: 13', 'term: 十三');
    expect(problemsOf(text).split('\n')).toHaveLength(2);
  });

  test('broken YAML is located', () => {
    expect(problemsOf(valid.replace('number: "5"', 'number: "5'))).toMatch(/^records\/x\.md:\d+: the frontmatter is not valid YAML: /);
  });

  test('a file without frontmatter is rejected', () => {
    expect(problemsOf('王玲玲委员：\n')).toBe(
      'records/x.md:1: the file has no frontmatter; expected a YAML block between --- lines at the top. Hint: start from a record the importer wrote.',
    );
  });

  test('an impossible unquoted date is reported as written, not moved to the next valid day', () => {
    expect(problemsOf(valid.replace("date: '2018-09-30'", 'date: 2018-02-30'))).toMatch(/^records\/x\.md:10: field "reply\.date" \(答复日期\) is "2018-02-30"; expected a date/);
  });

  test('a key written twice is located', () => {
    expect(problemsOf(valid.replace('number: "5"', 'number: "5"\nnumber: "6"'))).toMatch(/^records\/x\.md:\d+: the frontmatter is not valid YAML: .*(unique|duplicate)/i);
  });

  test('an unquoted YAML date is read as the same calendar day', () => {
    const record = validateRecordSource('x.md', valid.replace("date: '2018-09-30'", 'date: 2018-09-30')).record!;
    expect(record.kind !== 'document' && record.reply.date).toBe('2018-09-30');
  });
});

describe('whole-archive checks', () => {
  test('duplicate ids are errors and two records claiming one proposal number are warnings, with file names', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync, statSync, utimesSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeSyntheticArchive } = await import('../support/synthetic-archive.ts');
    const dir = mkdtempSync(join(tmpdir(), 'dupes-'));
    try {
      writeSyntheticArchive(dir, 2);
      mkdirSync(join(dir, 'records/x'), { recursive: true });
      // Same id as synthetic record 1, in another folder.
      const one = readFileSync(join(dir, 'records/2016/2016-cppcc-9-2-1-t00001.md'), 'utf8');
      writeFileSync(join(dir, 'records/x/2016-cppcc-9-2-1-t00001.md'), one);
      // Another id, same session, number and unit as record 1.
      writeFileSync(join(dir, 'records/x/2016-cppcc-9-2-1-dup001.md'), one.replace('id: 2016-cppcc-9-2-1-t00001', 'id: 2016-cppcc-9-2-1-dup001'));
      // Without a cache, with an empty one, and with the one that run left: every file is
      // then taken from the cache, and the checks across records must still find both.
      const cacheFile = join(dir, '.cache', 'checks.json');
      for (const options of [{}, { cacheFile }, { cacheFile }]) {
        const check = validateArchive(dir, dir, options);
        expect(renderProblems(check.problems)).toBe(
          'records/x/2016-cppcc-9-2-1-t00001.md: the id "2016-cppcc-9-2-1-t00001" is already used by records/2016/2016-cppcc-9-2-1-t00001.md; expected every record id to be unique. Hint: these may be the same page imported twice; keep one.',
        );
        expect(check.warnings.map((w) => w.file).sort()).toEqual(['records/2016/2016-cppcc-9-2-1-t00001.md', 'records/x/2016-cppcc-9-2-1-dup001.md', 'records/x/2016-cppcc-9-2-1-t00001.md']);
        expect(check.warnings[0]!.message).toContain('测试市政协9届2次 第1号 (cppcc-proposal-reply) is also claimed by');
      }
      const cached = Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: object }).files);
      // Every file passed its own checks (the duplicate id is a check across records).
      expect(cached).toHaveLength(6);
      // A file changed since it was cached is checked again: a broken record is reported.
      writeFileSync(join(dir, 'records/x/2016-cppcc-9-2-1-dup001.md'), one.replace('id: 2016-cppcc-9-2-1-t00001', 'id: 2016-cppcc-9-2-1-dup001').replace(/^kind: .*$/m, 'kind: nonsense'));
      const broken = validateArchive(dir, dir, { cacheFile });
      expect(renderProblems(broken.problems)).toContain('records/x/2016-cppcc-9-2-1-dup001.md');
      expect(renderProblems(broken.problems)).toContain('kind');
      // It is not kept as passed, so the next run reports it too.
      expect(renderProblems(validateArchive(dir, dir, { cacheFile }).problems)).toContain('records/x/2016-cppcc-9-2-1-dup001.md');
      // Files are known by size, times and inode: a change of the same size whose
      // modification time is set back (as a copy that keeps times would) is still seen.
      const two = join(dir, 'records/2017/2017-cppcc-9-3-2-t00002.md');
      const text = readFileSync(two, 'utf8');
      const time = new Date('2024-01-01T00:00:00Z');
      utimesSync(two, time, time);
      validateArchive(dir, dir, { cacheFile });
      expect(text).toContain('kind: cppcc-proposal-reply');
      writeFileSync(two, text.replace('kind: cppcc-proposal-reply', 'kind: cppcc-proposal-replx'));
      utimesSync(two, time, time);
      expect(statSync(two).size).toBe(Buffer.byteLength(text));
      expect(renderProblems(validateArchive(dir, dir, { cacheFile }).problems)).toMatch(/records\/2017\/2017-cppcc-9-3-2-t00002\.md.*kind/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

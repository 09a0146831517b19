import type { z } from 'astro/zod';
import { fieldHelp } from './field-help.ts';

/** One located problem in a record or config file. */
export interface LocatedProblem {
  /** The file, as given to the validator (relative paths stay relative). */
  file: string;
  /** 1-based line in the file, when known. */
  line: number | null;
  /** The field path, e.g. `reply.date` or `proposers[0].name`; empty for the whole file. */
  field: string;
  /** The one-line message: what is wrong, the bad value, what was expected, a hint. */
  message: string;
}

/** Renders a field path the way a person writes it: reply.date, proposers[0].name. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current == null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
    case 'invalid_format':
      return issue.format === 'date' ? 'a date written YYYY-MM-DD' : issue.format === 'url' ? 'an http(s) address' : `text matching ${issue.format === 'regex' ? issue.message : issue.format}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => show(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'string' ? 'non-empty text' : `at least ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/**
 * Turns zod issues into one located, actionable message each:
 * `file:line: field "reply.date" (答复日期) is "2018-13-45"; expected a date written YYYY-MM-DD. Hint: …`
 */
export function formatIssues(
  file: string,
  issues: ReadonlyArray<z.core.$ZodIssue>,
  data: unknown,
  lineOf: (path: ReadonlyArray<PropertyKey>) => number | null,
): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push(locate(file, path, lineOf, `field "${formatPath(path)}" is not part of the record format. Hint: check its spelling against src/schemas/, or remove it.`));
      }
      continue;
    }
    const path = issue.path;
    const leaf = [...path].reverse().find((k) => typeof k === 'string') as string | undefined;
    const help = leaf ? fieldHelp[leaf] : undefined;
    const label = help ? ` (${help.label})` : '';
    const value = valueAt(data, path);
    let what: string;
    let expected: string;
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
      const options = ['cppcc-proposal-reply', 'npc-suggestion-reply', 'co-handling-opinion', 'document'];
      what = value === undefined ? 'is missing' : `is ${show(value)}, an unknown kind`;
      expected = `one of ${options.map((o) => `"${o}"`).join(', ')}`;
    } else if (value === undefined) {
      what = 'is missing';
      expected = describeExpected(issue);
    } else if (issue.code === 'invalid_type') {
      what = `is ${show(value)} (${typeName(value)})`;
      expected = describeExpected(issue);
    } else {
      what = `is ${show(value)}`;
      expected = describeExpected(issue);
    }
    const fieldName = path.length ? `field "${formatPath(path)}"${label}` : 'the frontmatter';
    const hint = help ? ` Hint: ${help.hint}` : '';
    problems.push(locate(file, path, lineOf, `${fieldName} ${what}; expected ${expected}.${hint}`));
  }
  return problems;
}

function locate(file: string, path: ReadonlyArray<PropertyKey>, lineOf: (p: ReadonlyArray<PropertyKey>) => number | null, message: string): LocatedProblem {
  return { file, line: lineOf(path), field: formatPath(path), message };
}

/** Renders problems as the build prints them: one `file:line: message` per line. */
export function renderProblems(problems: ReadonlyArray<LocatedProblem>): string {
  return problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n');
}

import { recordSchema, type ArchiveRecord } from '../schemas/index.ts';
import { formatIssues, type LocatedProblem } from './format-issues.ts';
import { readFrontmatter, splitFrontmatter } from './frontmatter.ts';

/** The outcome of checking one record file. */
export interface RecordCheck {
  record: ArchiveRecord | null;
  body: string;
  problems: LocatedProblem[];
}

/**
 * Checks one record file's text against the record schema, with every problem
 * located by file, line and field.
 */
export function validateRecordSource(file: string, source: string): RecordCheck {
  // Most records are valid: read them quickly, and parse again with line tracking only
  // to say where a problem is.
  const fast = readFrontmatter(source);
  if (fast && typeof fast.data === 'object' && fast.data !== null && !Array.isArray(fast.data)) {
    const quick = recordSchema.safeParse(fast.data);
    if (quick.success) return { record: quick.data, body: fast.body, problems: [] };
  }
  const split = splitFrontmatter(source);
  if (split.yamlErrors.length) {
    return {
      record: null,
      body: split.body,
      problems: split.yamlErrors.map((e) => ({
        file,
        line: e.line,
        field: '',
        message: `the frontmatter is not valid YAML: ${e.message}. Hint: check quoting and indentation on that line.`,
      })),
    };
  }
  if (split.data === undefined || typeof split.data !== 'object' || split.data === null || Array.isArray(split.data)) {
    return {
      record: null,
      body: split.body,
      problems: [{ file, line: 1, field: '', message: 'the file has no frontmatter; expected a YAML block between --- lines at the top. Hint: start from a record the importer wrote.' }],
    };
  }
  const result = recordSchema.safeParse(split.data);
  if (result.success) {
    // The two YAML readers disagree on this file; the site reads it like the quick one.
    return { record: null, body: split.body, problems: [{ file, line: 1, field: '', message: 'the frontmatter is read differently by two YAML parsers, so its meaning is unclear. Hint: quote the values that contain colons, # or leading symbols.' }] };
  }
  return { record: null, body: split.body, problems: formatIssues(file, result.error.issues, split.data, split.lineOf) };
}

import { recordSchema, type ArchiveRecord } from '../schemas/index.ts';
import { formatIssues, type LocatedProblem } from './format-issues.ts';
import { splitFrontmatter } from './frontmatter.ts';

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
  if (result.success) return { record: result.data, body: split.body, problems: [] };
  return { record: null, body: split.body, problems: formatIssues(file, result.error.issues, split.data, split.lineOf) };
}

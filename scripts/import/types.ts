import type { FlagType } from '../../src/schemas/index.ts';

/** One line of a page as the importer works on it. */
export interface Line {
  /** 1-based line number in the source file. */
  no: number;
  /** The line as read (after masking personal numbers), untrimmed: the lossless reference. */
  raw: string;
  /** The line as published, trimmed, after safe repairs (mojibake, inserted pinyin). */
  text: string;
  /** The text used for recognising structure: Simplified when the page is Traditional, else `text`. */
  key: string;
}

/** Why the importer took text out of the flow of the page. */
export type DropReason = 'chrome' | 'label' | 'duplicate' | 'parsed';

/** Text the importer did not carry into the record, and why; the lossless check reads these. */
export interface Dropped {
  line: number;
  text: string;
  reason: DropReason;
  /** What it was, for the warning (navigation, footer, page info …). */
  what: string;
}

/** A located note for the operator. */
export interface Notice {
  line: number | null;
  message: string;
}

/** A flag before its `where` is known: `line` lets the assembler find the field. */
export interface PendingFlag {
  type: FlagType;
  where: string | null;
  line: number | null;
  note: string;
  original: string | null;
}

/** A repair before its `where` is known. */
export interface PendingRepair {
  type: FlagType;
  where: string | null;
  line: number | null;
  original: string;
  replacement: string;
}

/** Everything the extractors report while reading one page. */
export interface Report {
  dropped: Dropped[];
  warnings: Notice[];
  flags: PendingFlag[];
  repairs: PendingRepair[];
  /** Which record field each line went to (absent: body). */
  dest: Map<number, string>;
}

/** A fresh, empty report. */
export function newReport(): Report {
  return { dropped: [], warnings: [], flags: [], repairs: [], dest: new Map() };
}

import { FORM_LABELS, labelAlternation, normalizeLabel } from './labels.ts';
import { isPipeRow, isSeparatorRow, pipeCells } from './pipe-row.ts';
import type { Line, Report } from './types.ts';

/** One field of a proposal form, with the lines its value came from. */
export interface FormField {
  label: string;
  /** Value lines in order (empty lines left out). */
  values: { line: Line; text: string; key: string }[];
  line: number;
}

/** A form page read field by field (提案人, 案由, 建议, 承办单位, 提案回复 …). */
export interface ProposalForm {
  /** Fields by the record field they fill (proposers, cause, reply …); first occurrence wins. */
  fields: Map<string, FormField>;
  /** Lines that belonged to the form. */
  lines: Set<number>;
  /** Lines before the first label: not part of any field, kept as body text. */
  loose: Line[];
}

const LABELS = labelAlternation(Object.keys(FORM_LABELS));
// A label alone on its line, or followed by a colon and the value.
const LABEL_LINE = new RegExp(`^(${LABELS})\\s*(?:[:：]\\s*(.*))?$`);

function labelOf(key: string): { label: string; labelText: string; rest: string } | null {
  const m = LABEL_LINE.exec(key);
  if (!m) return null;
  return { label: normalizeLabel(m[1] ?? ''), labelText: key.slice(0, key.length - (m[2]?.length ?? 0)), rest: (m[2] ?? '').trim() };
}

/**
 * True when the lines form a proposal form: a proposer label and at least one of
 * 案由/建议/承办单位/提案回复, three form labels in all, each alone on its line (or in a
 * pipe-row cell). Letters that merely say 建议一 or 办理情况 do not qualify.
 */
export function isForm(lines: readonly Line[]): boolean {
  const found = new Set<string>();
  for (const line of lines) {
    if (isPipeRow(line.key)) {
      for (const cell of pipeCells(line.key)) {
        const label = normalizeLabel(cell);
        if (label in FORM_LABELS) found.add(FORM_LABELS[label] as string);
      }
      continue;
    }
    const l = labelOf(line.key);
    if (l) found.add(FORM_LABELS[l.label] as string);
  }
  const core = ['cause', 'suggestions', 'handlingUnit', 'reply'].some((f) => found.has(f));
  return found.has('proposers') && core && found.size >= 3;
}

/**
 * Reads a form: each label starts a field, the lines up to the next label are its
 * value. Pipe rows give label and value cells; lines after a pipe row continue the
 * last field. Labels are reported as consumed structure.
 */
export function readForm(lines: readonly Line[], report: Report): ProposalForm {
  const form: ProposalForm = { fields: new Map(), lines: new Set(), loose: [] };
  let current: FormField | null = null;
  const open = (label: string, line: Line, labelText: string): FormField => {
    report.dropped.push({ line: line.no, text: labelText, reason: 'label', what: 'form label' });
    const field = FORM_LABELS[label] as string;
    const existing = form.fields.get(field);
    if (existing) return existing; // a repeated label continues the same field
    const created: FormField = { label, values: [], line: line.no };
    form.fields.set(field, created);
    return created;
  };
  for (const line of lines) {
    if (!line.text) continue;
    form.lines.add(line.no);
    if (isPipeRow(line.key)) {
      if (isSeparatorRow(line.key)) continue;
      const keys = pipeCells(line.key);
      const texts = pipeCells(line.text);
      for (let i = 0; i < keys.length; i++) {
        const label = normalizeLabel(keys[i] ?? '');
        if (label in FORM_LABELS) {
          current = open(label, line, keys[i] ?? '');
          continue;
        }
        if (!keys[i]) continue;
        if (current) current.values.push({ line, text: texts[i] ?? '', key: keys[i] ?? '' });
        else form.loose.push({ ...line, text: texts[i] ?? '', key: keys[i] ?? '' });
      }
      continue;
    }
    const l = labelOf(line.key);
    if (l) {
      current = open(l.label, line, l.labelText);
      if (l.rest) {
        const offset = line.key.length - l.rest.length;
        current.values.push({ line, text: line.text.slice(offset), key: l.rest });
      }
      continue;
    }
    if (current) current.values.push({ line, text: line.text, key: line.key });
    else form.loose.push(line);
  }
  return form;
}

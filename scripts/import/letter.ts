import type { DocNumber, Proposer } from '../../src/schemas/index.ts';
import { parseDate, type ParsedDate } from './dates.ts';
import { stripLostPadding } from './dirt/lost-characters.ts';
import { stripSpam } from './dirt/spam.ts';
import { parseDocNumber } from '../../src/lib/doc-number.ts';
import type { Line } from './types.ts';

/** The salutation of a letter: to members/deputies, or to a unit (协办意见 to the lead unit). */
export interface Salutation {
  line: number;
  proposers: Proposer[];
  /** The unit addressed, when the letter is written to a unit. */
  unit: string | null;
  /** Notes for the operator (e.g. 等5位 names not listed). */
  notes: string[];
}

const PERSON = /^(?:尊敬的)?(.{1,60}?)(委员|代表)(?:们)?(?:[,，]?\s*(?:您好|你好)[!！]?)?\s*[:：]$/;
const UNIT_SUFFIX = '(?:办公室|委员会|管委会|人民政府|局|委|办|中心|政府|公司|院|厅|部|处|站|所|会|室|组|队|馆|社|街道)';
const UNIT_ADDRESS = new RegExp(`^((?:[\\u4e00-\\u9fff（）()]{1,30}?)${UNIT_SUFFIX})\\s*[:：]$`);
const NAME = /^[\u4e00-\u9fff·•．]{2,16}$/;

/** Reads a salutation line: 王玲玲委员: / 陈丛霞、王定礼委员: / 市住房和城乡建设局: */
export function parseSalutation(line: Line): Salutation | null {
  const person = PERSON.exec(line.key);
  if (person) {
    const role = person[2] as '委员' | '代表';
    const notes: string[] = [];
    let names = person[1] ?? '';
    const etc = /等\s*(?:\d+|[一二三四五六七八九十]+)?\s*(?:位|名|人)?$/.exec(names);
    if (etc) {
      notes.push(`the salutation says "${etc[0]}": only the names it writes out are listed`);
      names = names.slice(0, etc.index);
    }
    const list = names.split(/[、，,\s]+/).filter(Boolean);
    if (list.length && list.every((n) => NAME.test(n))) {
      return { line: line.no, proposers: list.map((name) => ({ name, role })), unit: null, notes };
    }
    return null;
  }
  const unit = UNIT_ADDRESS.exec(line.key);
  return unit ? { line: line.no, proposers: [], unit: unit[1] ?? null, notes: [] } : null;
}

/** The proposal title from 您提出的《…》收悉 in the opening paragraphs. */
export function findProposalTitle(paragraphs: readonly Line[]): { title: string; line: number } | null {
  for (const p of paragraphs.slice(0, 4)) {
    if (!/提出|所提|收悉|提案|建议|转来|交办|领衔|主办|协办/.test(p.key)) continue;
    const m = /《([^《》]+)》/.exec(p.key);
    if (m) return { title: (m[1] ?? '').trim(), line: p.no };
  }
  return null;
}

/** Members/deputies named in the text (张晓梅委员提出的《…》), for letters not addressed to them. */
export function findNamedProposers(paragraphs: readonly Line[]): { proposers: Proposer[]; line: number } | null {
  const re = /(?:^|[，,。；、:：由是对据与])([\u4e00-\u9fff·]{2,6}(?:、[\u4e00-\u9fff·]{2,6})*)(委员|代表)(?:等\d*人?)?(?:领衔)?(?:提出|所提|联名)/;
  for (const p of paragraphs.slice(0, 4)) {
    const m = re.exec(p.key);
    if (m) {
      const role = m[2] as '委员' | '代表';
      return { proposers: (m[1] ?? '').split('、').map((name) => ({ name, role })), line: p.no };
    }
  }
  return null;
}

/** The end of a letter: signing unit, date, contacts, signer, 文号, category. */
export interface SignOff {
  date: ParsedDate | null;
  dateLine: Line | null;
  signedBy: string | null;
  signedByLine: Line | null;
  signer: string | null;
  contact: string | null;
  docNo: DocNumber | null;
  category: string | null;
  /** Lines taken into these fields (removed from the body). */
  consumed: Line[];
  /** Lines inside the sign-off block that stay in the body (抄送 …). */
  kept: Line[];
}

const UNIT_LINE = new RegExp(`^[\\u4e00-\\u9fff（）()、\\s]{2,40}?(?:${UNIT_SUFFIX}|（?\\(?(?:盖章|印章)\\)?）?)$`);
const CONTACT = /^[（(]?\s*(?:联系人|联系电话|联系方式|经办人|承办人|电\s*话)\s*[:：]/;
const SIGNER = /^签发人\s*[:：]\s*(.+)$/;
const CATEGORY = /^(?:[（(【]\s*)?(?:(?:办理|答复|办复)(?:结果)?类别\s*[:：]\s*)?([A-CＡ-Ｃ甲乙丙])\s*类?(?:\s*[）)】])?$/;

/** A category line such as (A类) or 答复类别:B, or null. */
export function parseCategory(key: string): string | null {
  const m = CATEGORY.exec(key);
  if (!m || !/类|[（(【]/.test(key)) return null;
  return `${m[1]}类`;
}

/**
 * Reads the sign-off block at the end of a letter, from the bottom up: date, signing
 * unit, contacts, signer, 文号 and category lines. Stops at the first line that is
 * none of these. Lost-character padding (????) before a unit or date is ignored.
 */
export function readSignOff(lines: readonly Line[]): SignOff {
  const out: SignOff = { date: null, dateLine: null, signedBy: null, signedByLine: null, signer: null, contact: null, docNo: null, category: null, consumed: [], kept: [] };
  const contacts: string[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    const key = stripLostPadding(line.key);
    if (!key) continue;
    const date = out.date ? null : parseDate(key);
    if (date) {
      out.date = date;
      out.dateLine = line;
    } else if (!out.signedBy && UNIT_LINE.test(stripSpam(key)) && stripSpam(key).length <= 40) {
      out.signedBy = key;
      out.signedByLine = line;
    } else if (CONTACT.test(key)) {
      contacts.unshift(key.replace(/^[（(]\s*|\s*[）)]$/g, ''));
    } else if (SIGNER.test(key)) {
      out.signer = SIGNER.exec(key)?.[1]?.trim() ?? null;
    } else if (!out.docNo && parseDocNumber(key)) {
      out.docNo = parseDocNumber(key);
    } else if (!out.category && parseCategory(key)) {
      out.category = parseCategory(key);
    } else if (/^抄\s*送\s*[:：]/.test(key)) {
      out.kept.unshift(line);
      continue;
    } else {
      break;
    }
    out.consumed.unshift(line);
  }
  out.contact = contacts.length ? contacts.join(' ') : null;
  return out;
}

/**
 * Builds one synthetic archive record from its number: deterministic (a seeded PRNG per
 * record), schema-valid, and varied the way the seed pages are: replies to CPPCC
 * proposals and to deputies' suggestions, co-handling opinions and policy documents;
 * sessions written in Chinese numerals or digits; 文号 in several bracket styles; a few
 * records in Traditional characters, with full-width digits or with pinyin mirror noise.
 */
import * as OpenCC from 'opencc-js/cn2t';
import { stringify } from 'yaml';
import { toChineseNumeral } from '../../src/lib/numerals.ts';
import { dottedNames, givenChars, places, seedSentences, subjects, surnames, type Subject } from './sentences.ts';
import { rng } from '../lib/seeded-random.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });


type Rand = () => number;
const pick = <T>(r: Rand, list: ArrayLike<T>): T => list[Math.floor(r() * list.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** A pool of proposer names shared by all records, so names recur like real members. */
function namePool(seed: number, size: number): string[] {
  const r = rng(seed ^ 0x5eed);
  const names = new Set<string>(['王玲玲', '高斌', '葛亚', '陈丛霞', '王定礼']);
  while (names.size < size) {
    const given = r() < 0.6 ? pick(r, givenChars) + pick(r, givenChars) : pick(r, givenChars);
    names.add(pick(r, surnames) + given);
  }
  return [...names, ...dottedNames];
}

const PINYIN: Record<string, string> = { 关: 'guān', 于: 'yú', 招: 'zhāo', 商: 'shāng', 提: 'tí', 案: 'àn', 办: 'bàn', 理: 'lǐ', 答: 'dá', 复: 'fù', 建: 'jiàn', 议: 'yì' };

function pinyinNoise(text: string, r: Rand): string {
  return [...text].map((ch) => (PINYIN[ch] && r() < 0.5 ? `${ch}(${PINYIN[ch]})` : ch)).join('');
}

function fullWidthDigits(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function fill(sentence: string, r: Rand, place: string, year: number): string {
  return sentence
    .replaceAll('{place}', place.slice(-1))
    .replaceAll('{year}', String(year))
    .replaceAll('{n}', String(int(r, 2, 120)));
}

function paragraph(r: Rand, subject: Subject, place: string, year: number, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const own = r() < 0.55;
    out.push(own ? fill(pick(r, subject.sentences), r, place, year) : pick(r, seedSentences));
  }
  return out.join('');
}

const HAN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Options of the generator. */
export interface CorpusOptions {
  seed: number;
  count: number;
}

/** One generated record: where it goes and what it says. */
export interface GeneratedRecord {
  year: number;
  id: string;
  /** The record file: frontmatter and body. */
  source: string;
  /** Its frontmatter, as data. */
  data: Record<string, unknown>;
  /** Its body as published (Traditional, full-width or pinyin noise included). */
  body: string;
}

/**
 * Hands out proposal numbers per session in order (1, 2, 3 …), as a session's proposals
 * are numbered, so that no two records claim the same number in the same session.
 */
export type NumberSessions = (session: string) => number;

/** A fresh {@link NumberSessions}. */
export function sessionNumbering(): NumberSessions {
  const next = new Map<string, number>();
  return (session) => {
    const n = (next.get(session) ?? 0) + 1;
    next.set(session, n);
    return n;
  };
}

/** Builds record number `i` (0-based) of a corpus. */
export function generateRecord(i: number, options: CorpusOptions, names = namePool(options.seed, 2400), numbering: NumberSessions = sessionNumbering()): GeneratedRecord {
  const r = rng((options.seed * 2654435761 + i * 40503) >>> 0);
  const year = 2012 + Math.min(12, Math.floor(Math.sqrt(r()) * 13));
  const place = pick(r, places);
  const subject = pick(r, subjects);
  const roll = r();
  const kind = roll < 0.55 ? 'cppcc-proposal-reply' : roll < 0.85 ? 'npc-suggestion-reply' : roll < 0.9 ? 'co-handling-opinion' : 'document';
  const unitName = `${r() < 0.5 ? place.name : place.short}${pick(r, subject.units)}`;
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Multiplying by an odd constant modulo 2^32 is a bijection, so ids never collide.
  const hash = (((i + 1) * 2654435761) >>> 0).toString(36).padStart(7, '0');
  const variant = r();
  const traditional = variant < 0.03;
  const fullWidth = variant >= 0.03 && variant < 0.06;
  const pinyin = variant >= 0.06 && variant < 0.08;
  const docPrefix = `${place.name.slice(0, 1)}${pick(r, ['招', '商', '水', '教', '政', '办'])}`;
  const bracket = pick(r, [['〔', '〕'], ['[', ']'], ['【', '】'], ['(', ')'], ['〔', '〕']] as const);
  const docNoText = `${docPrefix}${bracket[0]}${year}${bracket[1]}${int(r, 1, 99)}号`;
  const docNo = { text: docNoText, normalized: `${docPrefix}〔${year}〕${docNoText.replace(/^.*[\])】〕]/, '')}` };
  const flags: object[] = [];
  let finish = (text: string) => text;
  if (traditional) {
    finish = (text) => toTraditional(text);
    flags.push({ type: 'traditional', where: 'body', note: '原网页为繁体字。' });
  } else if (fullWidth) {
    finish = fullWidthDigits;
  } else if (pinyin) {
    finish = (text) => pinyinNoise(text, r);
    flags.push({ type: 'pinyin-mirror', where: 'body', note: '镜像站在部分汉字后插入了拼音。' });
  }
  const topicName = `综合政务 / ${subject.topic}`;

  if (kind === 'document') {
    const title = `关于进一步完善${place.name}${subject.topic}工作机制的意见`;
    const paragraphs = Array.from({ length: int(r, 4, 9) }, (_, k) => `${HAN_NUM[k] ?? k + 1}、${paragraph(r, subject, place.name, year, int(r, 2, 5))}`);
    const id = `${year}-doc-${hash}`;
    const data = {
      id,
      kind,
      title,
      documentType: 'policy',
      docNo: r() < 0.7 ? docNo : null,
      session: null,
      issuer: unitName,
      publication: { indexNo: `${int(r, 100000000, 999999999)}/${year}${String(month).padStart(2, '0')}-${String(int(r, 1, 999)).padStart(5, '0')}`, publisher: unitName, topic: topicName, name: title, publishedDate: date, keywords: [subject.topic] },
      flags,
    };
    const text = finish(paragraphs.join('\n\n'));
    return { year, id, source: `---\n${stringify(data)}---\n\n${text}\n`, data, body: text };
  }

  const body = kind === 'npc-suggestion-reply' ? 'npc' : 'cppcc';
  const term = body === 'cppcc' ? 9 + Math.floor((year - 2008) / 5) : 13 + Math.floor((year - 2008) / 5);
  const meeting = ((year - 2008) % 5) + 1;
  const number = String(numbering(`${place.name}/${body}/${term}/${meeting}`));
  const noun = body === 'npc' ? '建议' : '提案';
  const bodyLabel = body === 'npc' ? '人大' : '政协';
  const proposerCount = r() < 0.8 ? 1 : int(r, 2, 3);
  const proposers = Array.from({ length: proposerCount }, () => ({ name: pick(r, names), role: body === 'npc' ? '代表' : '委员' }));
  const subjectTitle = fill(pick(r, subject.titles), r, place.name, year);
  const proposalTitle = `关于${subjectTitle}的${noun}`;
  const termText = r() < 0.7 ? `${toChineseNumeral(term)}届${toChineseNumeral(meeting)}次会议` : `${term}届${meeting}次会议`;
  const titleStyle = r();
  const title =
    titleStyle < 0.6
      ? `关于${place.short}${bodyLabel}${termText}第${number}号${noun}的答复`
      : titleStyle < 0.85
        ? `对${place.name}${bodyLabel}${termText}第${number}号${noun}的答复`
        : `${termText}第${number}号${noun}及复函`;
  const salutation = `${proposers.map((p) => p.name).join('、')}${proposers[0]!.role}：`;
  const opening = `您在${place.short}${bodyLabel}${termText}上提出的《${subjectTitle}》收悉，感谢您对我${place.short}${subject.topic}工作的关心和支持。经研究，现答复如下：`;
  const sections = int(r, 2, 6);
  const paragraphs = [salutation, opening];
  for (let k = 0; k < sections; k++) {
    const head = r() < 0.5 ? `${HAN_NUM[k]}、关于${fill(pick(r, subject.titles), r, place.name, year)}的问题` : null;
    if (head) paragraphs.push(head);
    paragraphs.push(paragraph(r, subject, place.name, year, int(r, 2, 6)));
  }
  paragraphs.push(`感谢您对${subject.topic}工作的关心和支持，欢迎继续提出宝贵意见。`, unitName, `${year}年${month}月${day}日`);
  const withProposal = r() < 0.25;
  const id = `${year}-${body}-${term}-${meeting}-${number}-${hash}`;
  const brokenDate = r() < 0.05;
  const data: Record<string, unknown> = {
    id,
    kind,
    title,
    session: { body, level: place.level, place: place.name, term, meeting, text: `${place.name}${bodyLabel}${termText}` },
    number,
    proposers,
    proposalTitle,
    proposal: withProposal ? { submittedDate: `${year}-01-${String(int(r, 10, 28))}`, type: proposerCount > 1 ? '集体提案' : '个人提案', cause: paragraph(r, subject, place.name, year, int(r, 3, 6)), suggestions: Array.from({ length: int(r, 2, 4) }, (_, k) => `${HAN_NUM[k]}、${paragraph(r, subject, place.name, year, 2)}`).join('\n\n') } : null,
    handlingUnit: unitName,
    coUnits: r() < 0.3 ? [`${place.short}${pick(r, subject.units)}`] : [],
    reply: { date, dateText: brokenDate ? `${year}${month}${day}` : null, signedBy: unitName },
    publication: { indexNo: r() < 0.6 ? `${int(r, 100000000, 999999999)}/${year}-${String(int(r, 1, 999)).padStart(5, '0')}` : null, publisher: unitName, topic: r() < 0.7 ? topicName : null, name: title, docNo: r() < 0.3 ? docNo : null, publishedDate: date, keywords: r() < 0.4 ? [subject.topic] : [] },
    flags,
  };
  if (kind === 'co-handling-opinion') data.fromUnit = `${place.short}${pick(r, subject.units)}`;
  const text = finish(paragraphs.join('\n\n'));
  return { year, id, source: `---\n${stringify(data)}---\n\n${text}\n`, data, body: text };
}

/** Builds a whole corpus lazily, record by record. */
export function* generateCorpus(options: CorpusOptions): Generator<GeneratedRecord> {
  const names = namePool(options.seed, 2400);
  const numbering = sessionNumbering();
  for (let i = 0; i < options.count; i++) yield generateRecord(i, options, names, numbering);
}

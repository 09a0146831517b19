import { isReply, type ArchiveRecord, type ReplyRecord } from '../schemas/index.ts';
import { recordProposers } from './record-facts.ts';

/** The records a record links to, by relation. */
export interface Related {
  /** Other replies and co-handling opinions on the same proposal. */
  sameProposal: ArchiveRecord[];
  /** The same proposers' other proposals (newest first). */
  sameProposer: ArchiveRecord[];
  /** Proposals on the same subject in other sessions. */
  sameTopic: ArchiveRecord[];
}

/** How many records each relation shows. */
const LIMIT = 8;
// Words every proposal title shares; they say nothing about the subject.
const STOP = /关于|提案|建议|答复|进一步|加强|推进|推动|完善|我县|我市|我区|我省|工作|问题|的|和|与|及/g;

function proposalKey(record: ReplyRecord): string | null {
  const s = record.session;
  if (!record.number || s.term == null) return null;
  return [s.place ?? '', s.body, s.term, s.meeting ?? '', record.number.replace(/^0+/, '')].join('|');
}

function subjectBigrams(record: ArchiveRecord): Set<string> {
  const title = (isReply(record) ? record.proposalTitle : null) ?? record.title;
  const text = title.replace(STOP, ' ').replace(/[^\p{Script=Han}]+/gu, ' ');
  const grams = new Set<string>();
  for (const word of text.split(' ')) for (let i = 0; i + 1 < word.length; i++) grams.add(word.slice(i, i + 2));
  return grams;
}

/**
 * Builds the relations for a whole archive in linear passes (plus a bounded candidate
 * scan per record), so it stays fast at 100,000 records: nothing compares every pair.
 * `records` are newest first; each list keeps that order.
 */
export function buildRelated(records: ReadonlyArray<ArchiveRecord>): (id: string) => Related {
  const byProposal = new Map<string, ArchiveRecord[]>();
  const byProposer = new Map<string, ArchiveRecord[]>();
  const grams: Set<string>[] = [];
  const byGram = new Map<string, number[]>();
  records.forEach((record, index) => {
    if (isReply(record)) {
      const key = proposalKey(record);
      if (key) (byProposal.get(key) ?? byProposal.set(key, []).get(key)!).push(record);
      for (const name of recordProposers(record)) (byProposer.get(name) ?? byProposer.set(name, []).get(name)!).push(record);
    }
    const set = isReply(record) ? subjectBigrams(record) : new Set<string>();
    grams.push(set);
    for (const gram of set) (byGram.get(gram) ?? byGram.set(gram, []).get(gram)!).push(index);
  });
  // A bigram shared by a large share of the archive is not a subject.
  const maxPostings = Math.max(20, Math.floor(records.length * 0.02));
  const indexOf = new Map(records.map((r, i) => [r.id, i]));

  return (id: string): Related => {
    const index = indexOf.get(id);
    if (index === undefined) return { sameProposal: [], sameProposer: [], sameTopic: [] };
    const record = records[index]!;
    if (!isReply(record)) return { sameProposal: [], sameProposer: [], sameTopic: [] };
    const key = proposalKey(record);
    const sameProposal = key ? (byProposal.get(key) ?? []).filter((r) => r.id !== id) : [];
    const seen = new Set([id, ...sameProposal.map((r) => r.id)]);
    const sameProposer: ArchiveRecord[] = [];
    for (const name of recordProposers(record)) {
      for (const other of byProposer.get(name) ?? []) {
        if (sameProposer.length >= LIMIT) break;
        if (!seen.has(other.id)) {
          seen.add(other.id);
          sameProposer.push(other);
        }
      }
    }
    const scores = new Map<number, number>();
    for (const gram of grams[index]!) {
      const postings = byGram.get(gram)!;
      if (postings.length > maxPostings) continue;
      for (const other of postings) if (other !== index) scores.set(other, (scores.get(other) ?? 0) + 1);
    }
    const mySession = JSON.stringify(record.session);
    const sameTopic = [...scores.entries()]
      .filter(([other, score]) => score >= 2 && !seen.has(records[other]!.id) && JSON.stringify(records[other]!.session) !== mySession)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, LIMIT)
      .map(([other]) => records[other]!);
    return { sameProposal, sameProposer, sameTopic };
  };
}

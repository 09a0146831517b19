import { z } from 'astro/zod';
import { docNumber, optionalText } from './common.ts';
import { flagSchema, repairSchema, sourceSchema } from './provenance.ts';
import { publicationSchema } from './publication.ts';
import { proposalFields } from './proposal.ts';
import { sessionSchema } from './session.ts';

/** The record kinds the archive holds. */
export const recordKinds = [
  'cppcc-proposal-reply',
  'npc-suggestion-reply',
  'co-handling-opinion',
  'document',
] as const;
export type RecordKind = (typeof recordKinds)[number];

/** Chinese names of the kinds, as the UI shows them. */
export const kindLabels: Record<RecordKind, string> = {
  'cppcc-proposal-reply': '政协提案答复',
  'npc-suggestion-reply': '人大建议答复',
  'co-handling-opinion': '协办意见',
  document: '文件资料',
};

/**
 * A record id: lower-case ASCII words joined by hyphens, e.g.
 * `2018-cppcc-13-2-5-3f9a2c`. Ids become URLs (/records/<id>/) and must never
 * collide across portals, so the importer ends them with a hash of the record's identity.
 */
export const recordId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens');

/** Fields every record has. */
const baseFields = {
  /** Stable id; the permalink is /records/<id>/. */
  id: recordId,
  /** The page's title (名称 or headline). */
  title: z.string().trim().min(1),
  /** The publication metadata table. */
  publication: publicationSchema.default(() => publicationSchema.parse({})),
  /** Where the record came from. */
  source: sourceSchema.default(() => sourceSchema.parse({})),
  /** Dirt found on the source page. */
  flags: z.array(flagSchema).default([]),
  /** Repairs applied, each with the original text. */
  repairs: z.array(repairSchema).default([]),
};

/** 政协提案答复: a unit's reply to a CPPCC member's proposal. */
export const cppccReplySchema = z.strictObject({
  kind: z.literal('cppcc-proposal-reply'),
  ...baseFields,
  ...proposalFields,
});

/** 人大建议答复: a unit's reply to a people's-congress deputy's suggestion. */
export const npcReplySchema = z.strictObject({
  kind: z.literal('npc-suggestion-reply'),
  ...baseFields,
  ...proposalFields,
});

/** 协办意见: a co-handling unit's opinion, addressed to the lead unit. */
export const coHandlingSchema = z.strictObject({
  kind: z.literal('co-handling-opinion'),
  ...baseFields,
  ...proposalFields,
  /** The co-handling unit that wrote this opinion. */
  fromUnit: optionalText,
});

/** Kinds of documents: policy documents, summaries, statistics, news, rules, lists. */
export const documentTypes = ['policy', 'summary', 'statistics', 'news', 'rules', 'list', 'other'] as const;

/** 文件资料: policy documents, notices, handling summaries and other non-replies. */
export const documentSchema = z.strictObject({
  kind: z.literal('document'),
  ...baseFields,
  /** What sort of document. */
  documentType: z.enum(documentTypes).default('other'),
  /** 文号 of the document itself, when it has one. */
  docNo: docNumber.nullable().default(null),
  /** The session it concerns (e.g. a handling summary of 十三届二次会议), if any. */
  session: sessionSchema.nullable().default(null),
  /** The issuing organ, when different from the publisher. */
  issuer: optionalText,
});

/** Any record: the frontmatter of a file under content/records. */
export const recordSchema = z.discriminatedUnion('kind', [
  cppccReplySchema,
  npcReplySchema,
  coHandlingSchema,
  documentSchema,
]);

/** A record as the archive holds it, after validation. */
export type ArchiveRecord = z.output<typeof recordSchema>;
/** A record's frontmatter as written, before defaults are applied. */
export type ArchiveRecordInput = z.input<typeof recordSchema>;
export type ReplyRecord = Extract<ArchiveRecord, { kind: 'cppcc-proposal-reply' | 'npc-suggestion-reply' | 'co-handling-opinion' }>;
export type DocumentRecord = Extract<ArchiveRecord, { kind: 'document' }>;

/** True for the kinds that answer a proposal (replies and co-handling opinions). */
export function isReply(record: ArchiveRecord): record is ReplyRecord {
  return record.kind !== 'document';
}

/** True for documents. */
export function isDocument(record: ArchiveRecord): record is DocumentRecord {
  return record.kind === 'document';
}

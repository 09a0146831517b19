import { z } from 'astro/zod';
import { optionalText } from './common.ts';

/** Kinds of dirt a page can carry; each is flagged on the record, never silently fixed. */
export const flagTypes = [
  'spam',
  'mojibake',
  'lost-characters',
  'broken-date',
  'traditional',
  'pinyin-mirror',
  'pii-masked',
  'duplicate-metadata',
  'chrome-removed',
  'unsafe-markup',
  'unclassified',
  'suspect-metadata',
] as const;
export type FlagType = (typeof flagTypes)[number];

/** Chinese labels of flag types, shown on record pages. */
export const flagLabels: Record<FlagType, string> = {
  spam: '原网页被植入垃圾信息',
  mojibake: '乱码',
  'lost-characters': '原网页有字符丢失',
  'broken-date': '日期残缺',
  traditional: '繁体原文',
  'pinyin-mirror': '镜像站插入拼音',
  'pii-masked': '个人信息已遮盖',
  'duplicate-metadata': '元数据重复',
  'chrome-removed': '已去除网站框架文字',
  'unsafe-markup': '已去除不安全标记',
  unclassified: '版式未能识别',
  'suspect-metadata': '元数据栏内容可疑',
};

/** A problem found on the source page, kept on the record so readers and operators see it. */
export const flagSchema = z.strictObject({
  /** What kind of dirt this is. */
  type: z.enum(flagTypes),
  /** Where on the record: a field name or `body`. */
  where: optionalText,
  /** A short description for a person, in Chinese. */
  note: z.string().trim().min(1),
  /** The text as published, when the flag concerns a specific string. */
  original: optionalText,
});
export type Flag = z.output<typeof flagSchema>;

/** A change the importer applied to the published text, with the original kept. */
export const repairSchema = z.strictObject({
  /** The flag type that led to the repair. */
  type: z.enum(flagTypes),
  /** Where: a field name or `body`. */
  where: z.string().trim().min(1),
  /** The text as published. */
  original: z.string(),
  /** The text as the record now shows it. */
  replacement: z.string(),
});
export type Repair = z.output<typeof repairSchema>;

/** Where a record came from. */
export const sourceSchema = z.strictObject({
  /** The page's URL on the portal, when known. */
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  /** The portal or site name, e.g. 宣州区人民政府. */
  site: optionalText,
  /** The captured file the record was imported from, relative to the import root. */
  file: optionalText,
});
export type Source = z.output<typeof sourceSchema>;

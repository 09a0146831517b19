import { z } from 'astro/zod';
import { docNumber, optionalDate, optionalText, textList } from './common.ts';

/**
 * The publication metadata table that government portals print above a page
 * (政府信息公开 metadata). Every field is optional: portals print different subsets
 * and often leave values empty.
 */
export const publicationSchema = z.strictObject({
  /** 索引号: the portal's catalogue number, e.g. 686863395/201901-00026. */
  indexNo: optionalText,
  /** 组配分类 / 分类: the portal's own section, e.g. 政协委员提案办理. */
  section: optionalText,
  /** 发布机构: the organ that published the page. */
  publisher: optionalText,
  /** 主题分类: the state topic classification, e.g. 综合政务 / 其它. */
  topic: optionalText,
  /** 名称: the page's official name (usually the record title). */
  name: optionalText,
  /** 文号: the document number printed in the table; null when empty. */
  docNo: docNumber.nullable().default(null),
  /** 生成日期: when the portal generated the entry. */
  generatedDate: optionalDate,
  /** 成文日期: when the document was written. */
  writtenDate: optionalDate,
  /** 发布日期 / 发文日期 / 发布时间: when the page was published. */
  publishedDate: optionalDate,
  /** 关键词: keywords as listed (split on spaces or separators). */
  keywords: textList,
  /** 时效: validity, e.g. 有效 / 失效 / 废止. */
  validity: optionalText,
  /** 来源 / 信息来源: the source line printed under the title. */
  sourceLine: optionalText,
  /** Other rows of the table that have no field of their own (公开方式, 体裁分类 …), as printed. */
  other: z
    .array(
      z.strictObject({
        /** The row's label as printed, without colon, e.g. 公开方式. */
        label: z.string().trim().min(1),
        /** The row's value as printed. */
        value: z.string().trim().min(1),
      }),
    )
    .default([]),
});
export type Publication = z.output<typeof publicationSchema>;

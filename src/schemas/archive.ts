import { z } from 'astro/zod';

/**
 * The operator's settings for one archive (content/archive.yaml): who runs it and
 * how it is branded. Changing this file re-brands the portal without touching code.
 */
export const archiveConfigSchema = z.strictObject({
  /** The archive's name, shown in the header and in page titles. */
  name: z.string().trim().min(1),
  /** A one-line description for the home page and metadata. */
  description: z.string().trim().min(1),
  /** The office that runs the archive, e.g. 某市政协提案委员会办公室. */
  office: z.string().trim().min(1),
  /** The region the archive covers, e.g. 安徽省宣城市. */
  region: z.string().trim().min(1),
  /** The public address the site is served at; used for permalinks, feeds and sitemaps. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** A contact line for the footer (address, phone or e-mail of the office). */
  contact: z.string().trim().min(1),
  /** Path of the logo under public/, or null for a text-only header. */
  logo: z.string().regex(/^\/[^\s]*$/, 'a path that starts with /').nullable().default(null),
  /** The handling deadline rule: how long units have to reply. */
  deadline: z
    .strictObject({
      /** How many months the unit has. */
      months: z.int().min(1).max(24),
      /** What the period counts from: 交办 (assignment) or the session's meeting. */
      from: z.enum(['assigned', 'session']),
    })
    .default({ months: 3, from: 'assigned' }),
  /** Records per page on list pages. */
  pageSize: z.int().min(5).max(200).default(20),
});
export type ArchiveConfig = z.output<typeof archiveConfigSchema>;

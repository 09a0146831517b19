import { z } from 'astro/zod';

/**
 * A calendar date written `YYYY-MM-DD`. YAML turns an unquoted `2018-11-05` into a
 * JavaScript Date, so a Date is accepted and written back as its UTC calendar day.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date(),
);

/** A date that a page may not state: `null` when absent or not parseable. */
export const optionalDate = isoDate.nullable().default(null);

/** A piece of text that a page may not state: `null` when absent. */
export const optionalText = z.string().trim().min(1).nullable().default(null);

/** A list of non-empty strings, `[]` when the page states none. */
export const textList = z.array(z.string().trim().min(1)).default([]);

/**
 * A document number (文号) such as 宣招〔2025〕12号, as written on the page and in the
 * archive's normalised form (year brackets as 〔〕, full-width digits as ASCII), so
 * that 宣招[2025]12号 and 宣招【2025】12号 are recognised as the same number.
 */
export const docNumber = z.strictObject({
  /** The 文号 exactly as the page prints it. */
  text: z.string().trim().min(1),
  /** The normalised form used for matching and search. */
  normalized: z.string().trim().min(1),
});
export type DocNumber = z.output<typeof docNumber>;

import type { ArchiveRecord } from '../schemas/index.ts';
import { recordPath } from './facets.ts';
import { recordDate, recordUnit } from './record-facts.ts';

/**
 * A GB/T 7714-2015 reference to a record as an online electronic resource:
 * `责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.`
 * The citation date is the day the reader cites it, so it is passed in.
 */
export function gbt7714(record: ArchiveRecord, baseUrl: string, citedOn: string): string {
  const author = recordUnit(record) ?? record.publication.publisher;
  const published = record.publication.publishedDate ?? recordDate(record);
  const url = new URL(recordPath(record.id), baseUrl).href;
  return `${author ? `${author}. ` : ''}${record.title}[EB/OL]. ${published ? `(${published})` : ''}[${citedOn}]. ${url}.`;
}

import { Feed } from 'feed';
import type { ArchiveConfig, ArchiveRecord } from '../schemas/index.ts';
import { facets, recordPath, type FacetKey } from './facets.ts';
import { kindLabel, recordDate, recordProposers, recordUnit } from './record-facts.ts';

/** How many entries a feed carries: readers want what is new, not the archive. */
export const FEED_SIZE = 50;

/** The facets that have their own feeds. */
export const feedFacets = ['unit', 'proposer', 'topic'] as const satisfies readonly FacetKey[];

/** /feeds/units/县招商局.xml — the feed path of one facet value (or /feeds/all.xml). */
export function feedPath(facet?: FacetKey, slug?: string): string {
  return facet && slug ? `/feeds/${facets[facet].base}/${encodeURIComponent(slug)}.xml` : '/feeds/all.xml';
}

/**
 * An Atom feed of the newest records (the input is already newest first). Entry dates
 * are the record's own date; a record without one is dated by the newest dated entry
 * so the feed stays valid without inventing a date that looks real.
 */
export function atomFeed(config: ArchiveConfig, title: string, path: string, alternatePath: string, records: ReadonlyArray<ArchiveRecord>): string {
  const newest = records.map(recordDate).find(Boolean) ?? '2000-01-01';
  const feed = new Feed({
    title,
    id: new URL(path, config.baseUrl).href,
    link: new URL(alternatePath, config.baseUrl).href,
    language: 'zh-CN',
    description: config.description,
    copyright: `${config.office}整理；原文为各地公开的政府信息`,
    updated: new Date(`${newest}T00:00:00Z`),
    feedLinks: { atom: new URL(path, config.baseUrl).href },
    author: { name: config.office },
  });
  for (const record of records.slice(0, FEED_SIZE)) {
    const url = new URL(recordPath(record.id), config.baseUrl).href;
    const unit = recordUnit(record);
    const proposers = recordProposers(record);
    feed.addItem({
      title: record.title,
      id: url,
      link: url,
      date: new Date(`${recordDate(record) ?? newest}T00:00:00Z`),
      description: [kindLabel(record), unit, proposers.length ? `提案人：${proposers.join('、')}` : null].filter(Boolean).join('｜'),
      author: unit ? [{ name: unit }] : undefined,
    });
  }
  return feed.atom1();
}

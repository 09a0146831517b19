import type { APIRoute } from 'astro';
import { archiveConfig } from '../../lib/archive-config.ts';
import { allRecords } from '../../lib/archive.ts';
import { atomFeed, feedPath } from '../../lib/feeds.ts';

/** /feeds/all.xml: the newest records of the whole archive. */
export const GET: APIRoute = async () => {
  const config = archiveConfig();
  const xml = atomFeed(config, `${config.name}：最新记录`, feedPath(), '/', await allRecords());
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};

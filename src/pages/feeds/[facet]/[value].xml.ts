import type { APIRoute, GetStaticPaths } from 'astro';
import { archiveConfig } from '../../../lib/archive-config.ts';
import { allRecords } from '../../../lib/archive.ts';
import { atomFeed, feedFacets, feedPath } from '../../../lib/feeds.ts';
import { facetPath, facets, groupByFacet } from '../../../lib/facets.ts';
import type { ArchiveRecord } from '../../../schemas/index.ts';
import { cacheKey, digestsOf, recordDigests } from '../../../lib/cache-keys.ts';

/** /feeds/<units|proposers|topics>/<value>.xml: one feed per unit, proposer and topic. */
export const getStaticPaths = (async () => {
  const records = await allRecords();
  const digests = await recordDigests();
  return feedFacets.flatMap((key) =>
    groupByFacet(records, facets[key]).map((group) => ({
      params: { facet: facets[key].base, value: group.value.slug },
      props: { key, label: group.value.label, records: group.records },
      cacheKey: cacheKey('feed', key, group.value, digestsOf(group.records, digests)),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, params }) => {
  const config = archiveConfig();
  const { key, label, records } = props as { key: (typeof feedFacets)[number]; label: string; records: ArchiveRecord[] };
  const facet = facets[key];
  const xml = atomFeed(config, `${config.name}：${facet.label} ${label}`, feedPath(key, params.value), facetPath(facet, params.value!), records);
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};

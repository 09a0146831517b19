import type { PaginateFunction } from 'astro';
import { archiveConfig } from './archive-config.ts';
import { allRecords } from './archive.ts';
import { facets, groupByFacet, type FacetKey, type FacetValue } from './facets.ts';
import { cacheKey, digestsOf, recordDigests } from './cache-keys.ts';

/** Props every facet list page receives. */
export interface FacetPageProps {
  facetKey: FacetKey;
  value: FacetValue;
}

/**
 * getStaticPaths for /<facet>/<value>/[page]/: one paginated list per facet value,
 * computed from one pass over the records.
 */
export async function facetStaticPaths(key: FacetKey, paginate: PaginateFunction) {
  const facet = facets[key];
  const groups = groupByFacet(await allRecords(), facet);
  const pageSize = archiveConfig().pageSize;
  const digests = await recordDigests();
  return groups.flatMap((group) =>
    paginate(group.records, {
      params: { value: group.value.slug },
      props: { facetKey: key, value: group.value } satisfies FacetPageProps,
      pageSize,
    }).map((path) => {
      // A list page shows its records and links to its neighbours and the page count.
      const { page } = path.props;
      return { ...path, cacheKey: cacheKey('list', key, group.value, page.currentPage, page.lastPage, page.total, page.url, digestsOf(page.data, digests)) };
    }),
  );
}

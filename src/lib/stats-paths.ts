import { nameSlug } from './slugs.ts';

/** /stats/units/<unit>/ — a handling unit's scorecard. */
export function unitStatsPath(unit: string): string {
  return `/stats/units/${encodeURIComponent(nameSlug(unit))}/`;
}

/**
 * A URL path segment for a Chinese name (unit, proposer, session): the name itself,
 * readable in the address bar, with characters that would break a path removed.
 */
export function nameSlug(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s/\\?#%"'<>|:*]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80) || '未命名';
}

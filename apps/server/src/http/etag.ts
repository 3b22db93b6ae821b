/**
 * True when `If-None-Match` lists `etag` (or `*`). Weak validators match too: the comparison for GET
 * is the weak one (RFC 9110 §13.1.2).
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

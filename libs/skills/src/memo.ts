/**
 * Memoizes a function of a string in a Map that is emptied when it reaches `limit` entries.
 * For derivations over a bounded vocabulary (skill names, locations) that hot paths repeat for
 * every candidate: the bound keeps arbitrary caller input from growing the cache without limit.
 */
export function memoizeByString<T>(compute: (value: string) => T, limit: number): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let cached = cache.get(value);
    if (cached === undefined) {
      if (cache.size >= limit) cache.clear();
      cached = compute(value);
      cache.set(value, cached);
    }
    return cached;
  };
}

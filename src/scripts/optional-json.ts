/** A JSON file the search reads besides Pagefind, or undefined if it fails to load: search still runs without it. */
export const optionalJson = <T>(url: string): Promise<T | undefined> =>
  fetch(url)
    .then((r) => (r.ok ? (r.json() as Promise<T>) : undefined))
    .catch(() => undefined);

// How an input fetched from a URL is named in the app (its reports, the trace list's files).

/** The last path segment of a URL, for naming fetched inputs. */
export function nameOfUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || url;
}

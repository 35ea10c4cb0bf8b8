/**
 * The absolute URL of a column: `<baseUrl>/columns/<slug>`. The base may carry a path prefix and a trailing
 * slash; the result has no trailing slash, so it is already in Parley's canonical thread-URL form.
 * @example demoColumnUrl('http://127.0.0.1:8080/', 'a-b') // 'http://127.0.0.1:8080/columns/a-b'
 */
export function demoColumnUrl(baseUrl: string, slug: string): string {
  return new URL(`columns/${encodeURIComponent(slug)}`, withTrailingSlash(baseUrl)).toString();
}

/** The absolute URL of the publication's front page. */
export function demoIndexUrl(baseUrl: string): string {
  return new URL(withTrailingSlash(baseUrl)).toString();
}

function withTrailingSlash(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

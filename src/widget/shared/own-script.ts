/**
 * The `<script>` element that is running (`document.currentScript`, else the first
 * `script[src*=file][data-site]`) and Parley's base URL, taken from its `src`: the folder it was loaded
 * from, minus a trailing `widget/`, so `BASE/embed.js` and `BASE/widget/embed.js` both give `BASE`.
 */
export function ownScript(file: string): { script: HTMLScriptElement; base: string } | undefined {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>(`script[src*="${file}"][data-site]`);
  return script ? { script, base: baseOf(script.src) } : undefined;
}

export const baseOf = (src: string): string =>
  src
    .split(/[?#]/)[0]!
    .replace(/[^/]*$/, '')
    .replace(/widget\/$/, '');

/** The page's address without its fragment. */
export const pageUrl = (): string => location.href.split('#')[0]!;

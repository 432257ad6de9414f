// The JavaScript a browser downloads to run a page: the module scripts the server-rendered HTML
// preloads or imports, and everything those import statically (lazy `import()` of other routes'
// code is not fetched for this page, so it is not counted). Sizes raw and gzipped.
import { gzipSync } from 'node:zlib';

export interface ShippedJs {
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** Per file, largest first (for finding what to trim). */
  largest: { path: string; gzipBytes: number }[];
}

/** Module URLs the HTML names: modulepreload links and the inline start script's imports. */
function entryUrls(html: string, pageUrl: URL): URL[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    urls.add(new URL(match[1]!, pageUrl).href);
  }
  for (const match of html.matchAll(/<script[^>]*src="([^"]+\.js)"/g)) {
    urls.add(new URL(match[1]!, pageUrl).href);
  }
  for (const script of html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const match of script[1]!.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)) {
      urls.add(new URL(match[1]!, pageUrl).href);
    }
  }
  return [...urls].map((url) => new URL(url));
}

/** Static imports of a minified module: `import"./a.js"`, `from"./b.js"` (not `import("…")`). */
function staticImports(code: string, moduleUrl: URL): URL[] {
  const found: URL[] = [];
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
    found.push(new URL(match[1]!, moduleUrl));
  }
  return found;
}

export async function measureShippedJs(
  html: string,
  pageUrl: URL,
  headers: Record<string, string> = {},
): Promise<ShippedJs> {
  const pending = entryUrls(html, pageUrl);
  const seen = new Set<string>();
  const sizes: { path: string; raw: number; gzip: number }[] = [];
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (seen.has(url.href) || url.origin !== pageUrl.origin) continue;
    seen.add(url.href);
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GET ${url.pathname} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    sizes.push({ path: url.pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    pending.push(...staticImports(body.toString('utf8'), url));
  }
  sizes.sort((a, b) => b.gzip - a.gzip);
  return {
    files: sizes.length,
    rawBytes: sizes.reduce((sum, file) => sum + file.raw, 0),
    gzipBytes: sizes.reduce((sum, file) => sum + file.gzip, 0),
    largest: sizes.slice(0, 5).map((file) => ({ path: file.path, gzipBytes: file.gzip })),
  };
}

// Client JavaScript a page ships: every /_next/static/…js its HTML references (script tags, preloads
// and the chunk lists in the inline RSC payload), fetched from the app and gzipped here (zlib's
// default level, as servers use). `<script nomodule>` files (Next's legacy polyfills) are counted
// apart: modern browsers neither download nor run them.
import { gzipSync } from 'node:zlib';

const MAX_FILES = 300;
const STATIC_JS = /\/_next\/static\/[^"'\\\s?<>()]+?\.js\b/g;

export function scriptPaths(html) {
  const nomodule = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (/\bnomodule\b/i.test(tag)) for (const [p] of tag.matchAll(STATIC_JS)) nomodule.add(p);
  }
  // Inline RSC payloads escape quotes (\"), so paths stop at quotes, backslashes, whitespace, '?'.
  const shipped = new Set();
  for (const [p] of html.matchAll(STATIC_JS)) if (!nomodule.has(p)) shipped.add(p);
  return { shipped: [...shipped].sort(), nomodule: [...nomodule].sort() };
}

async function sizes(appUrl, paths) {
  const files = [];
  for (const p of paths) {
    const response = await fetch(new URL(p, appUrl), { signal: AbortSignal.timeout(20_000) });
    if (!response.ok) throw new Error(`${p} answered ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    files.push({ path: p, bytes: body.length, gzipBytes: gzipSync(body).length });
  }
  files.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return files;
}

const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);
const summary = (files) => ({ files: files.length, bytes: total(files, 'bytes'), gzipBytes: total(files, 'gzipBytes') });

export async function clientJs(appUrl, pagePath, headers) {
  const page = await fetch(new URL(pagePath, appUrl), { headers, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status} (signed out?)`);
  const paths = scriptPaths(html);
  if (paths.shipped.length === 0) throw new Error(`${pagePath} references no /_next/static script`);
  if (paths.shipped.length + paths.nomodule.length > MAX_FILES) throw new Error(`${pagePath} references more than ${MAX_FILES} scripts`);
  const files = await sizes(appUrl, paths.shipped);
  const legacy = await sizes(appUrl, paths.nomodule);
  return { page: pagePath, ...summary(files), htmlBytes: Buffer.byteLength(html), list: files, nomodule: { ...summary(legacy), list: legacy } };
}

/** What `page` ships beyond `baseline` (a minimal page of the same app): the page's own share. */
export function beyond(page, baseline) {
  const shared = new Set(baseline.list.map((f) => f.path));
  const own = page.list.filter((f) => !shared.has(f.path));
  return { ...summary(own), list: own.map((f) => f.path) };
}

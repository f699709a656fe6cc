/**
 * Where may the app send a user after sign-in? Only to a path on its own origin. Everything else
 * (`//evil.example`, `https://evil.example`, `/\evil.example`, `/.//evil.example`, encoded tricks,
 * garbage) falls back.
 */
export function safeCallbackPath(raw: string | null | undefined, appOrigin: string, fallback = '/'): string {
  if (!raw) return fallback;
  const given = raw.trim();
  if (!given) return fallback;
  // Judge the value and what it becomes after a few rounds of decoding (`%2F%2Fevil`, double
  // encoding), but return the value as given: decoding would change its meaning (`%2B`, `%26`, `%23`).
  const forms = [given];
  for (let i = 0; i < 3; i++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(forms.at(-1)!);
    } catch {
      return fallback;
    }
    if (decoded === forms.at(-1)) break;
    forms.push(decoded);
  }
  const origin = new URL(appOrigin).origin;
  if (!forms.every((form) => staysOnOrigin(form, origin))) return fallback;
  const resolved = new URL(given, origin);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

function staysOnOrigin(candidate: string, origin: string): boolean {
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return false;
  let resolved: URL;
  try {
    resolved = new URL(candidate, origin);
  } catch {
    return false;
  }
  if (resolved.origin !== origin) return false;
  // Absolute same-origin URLs are fine; relative paths without a leading slash are not expected.
  if ((!candidate.startsWith('/') || candidate.startsWith('//')) && !/^https?:\/\//i.test(candidate)) return false;
  // Dot segments can leave a path starting with `//` (`/.//evil.example`): returned as a path, a
  // browser would read it as another host.
  return !resolved.pathname.startsWith('//');
}

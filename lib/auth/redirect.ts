/**
 * Where may the app send a user after sign-in? Only to a path on its own origin. Everything else
 * (`//evil.example`, `https://evil.example`, `/\evil.example`, encoded tricks, garbage) falls back.
 */
export function safeCallbackPath(raw: string | null | undefined, appOrigin: string, fallback = '/'): string {
  if (!raw) return fallback;
  let candidate = raw.trim();
  // Decode a few rounds so `%2F%2Fevil` and double-encoded forms are judged by what they become.
  for (let i = 0; i < 3; i++) {
    try {
      const decoded = decodeURIComponent(candidate);
      if (decoded === candidate) break;
      candidate = decoded;
    } catch {
      return fallback;
    }
  }
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(candidate, appOrigin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== new URL(appOrigin).origin) return fallback;
  if (!candidate.startsWith('/') || candidate.startsWith('//')) {
    // Absolute same-origin URLs are fine; relative paths without a leading slash are not expected.
    if (!/^https?:\/\//i.test(candidate)) return fallback;
  }
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

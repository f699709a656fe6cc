/**
 * Text normalisation shared by the form parser and the diff, so that "what the user typed" and
 * "what the base holds" are compared in one canonical shape (design rule 2).
 */

/**
 * Invisible characters removed at the edges of a value, on top of what `String#trim` removes
 * (which already covers NBSP, U+2000–U+200A, U+202F, U+205F, U+3000, U+FEFF and line breaks).
 * They are removed only at the edges: inside a value a ZWJ joins emoji and shapes Indic and Arabic
 * scripts, so it must survive.
 */
const EXTRA_EDGE_CHARS = new Set(['\u0085', '\u180E', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

function isEdgeJunk(char: string): boolean {
  return EXTRA_EDGE_CHARS.has(char) || char.trim() === '';
}

/**
 * Strips edge whitespace and zero-width characters with index loops rather than a regex: a
 * `\s+$` pattern is quadratic on long inner runs of spaces, and this runs on untrusted input.
 * Every character involved is in the BMP, so stepping by UTF-16 code unit is safe.
 */
function trimEdges(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isEdgeJunk(value.charAt(start))) start++;
  while (end > start && isEdgeJunk(value.charAt(end - 1))) end--;
  return value.slice(start, end);
}

/**
 * The canonical form of a text value: Unicode NFC, edge whitespace and zero-width characters
 * removed, empty → null. Letters, apostrophes and words such as `Null` are never changed.
 */
export function normalizeText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = trimEdges(value.normalize('NFC'));
  return trimmed === '' ? null : trimmed;
}

/**
 * Length in Unicode code points (`[...value].length`), so `🌻` or `𝐃` counts as one character
 * like the user sees it, not two UTF-16 units. The client uses this same function for its
 * maxLength hints, so both sides agree on what "too long" means (N5). Grapheme clusters would be
 * closer still to what a user sees, but they depend on the ICU version; code points do not.
 * Counted with a loop so a 2 MB input does not allocate a 2-million-element array.
 */
export function textLength(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    if (isHighSurrogate(value.charCodeAt(i)) && isLowSurrogate(value.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Three-way merge before a PATCH (design rule 4, case D4). The user's patch was computed against
 * the base the form was rendered from; the server may have moved on since. Per key the user
 * changed: server still at base → send it; server already at the user's value → nothing to send;
 * server changed to something else → a conflict for the user to settle, never a silent overwrite.
 * Keys the user did not change are never added, so concurrent edits to them survive.
 */
import { sameEditableValue } from './compare';
import type { CompareOptions } from './diff';
import { defaultPhoneCountry } from './phones';
import { EDITABLE_KEYS, type EditableKey, type EditableProfile, type ProfilePatch } from './types';

export type Conflict = { key: EditableKey; base: unknown; current: unknown; mine: unknown };

const EDITABLE = new Set<string>(EDITABLE_KEYS);

export function mergeWithCurrent(
  base: EditableProfile,
  current: EditableProfile,
  patch: ProfilePatch,
  options: CompareOptions = {},
): { patch: ProfilePatch; conflicts: Conflict[] } {
  const phoneCountry = options.defaultPhoneCountry ?? defaultPhoneCountry(base.address, null);
  const merged: Record<string, unknown> = {};
  const conflicts: Conflict[] = [];
  for (const [name, mine] of Object.entries(patch)) {
    if (mine === undefined || !EDITABLE.has(name)) continue;
    const key = name as EditableKey;
    if (sameEditableValue(key, current[key], base[key], phoneCountry)) merged[key] = mine;
    else if (!sameEditableValue(key, current[key], mine, phoneCountry)) {
      conflicts.push({ key, base: base[key], current: current[key], mine });
    }
  }
  return { patch: merged as ProfilePatch, conflicts };
}

/**
 * The base to render the conflict form from: conflicting keys take the server's current value,
 * so that re-submitting "mine" becomes an ordinary change against an up-to-date base, and
 * choosing "theirs" (submitting the current value) diffs to nothing.
 */
export function rebaseOnCurrent(base: EditableProfile, conflicts: readonly Conflict[]): EditableProfile {
  const rebased = structuredClone(base) as Record<EditableKey, unknown>;
  for (const conflict of conflicts) rebased[conflict.key] = structuredClone(conflict.current);
  return rebased as EditableProfile;
}

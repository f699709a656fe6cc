'use client';

import { useSyncExternalStore } from 'react';
import type { FormValues } from '@/lib/profile/form-values';
import type { EditableProfile } from '@/lib/profile/types';

/**
 * The unsaved form, kept in this tab's sessionStorage from the moment Save is pressed until the
 * server confirms it. If the trip fails in a way the form cannot show (the session ended and the
 * user signs in again, the app was redeployed, the tab reloaded), the edits come back.
 */
export type Draft = { values: FormValues; base: EditableProfile };

const PREFIX = 'clubmed-profile-draft:';
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

export function saveDraft(key: string, form: HTMLFormElement, base: EditableProfile): void {
  const values: FormValues = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify({ values, base } satisfies Draft));
  } catch {
    // Storage full or disabled: the form still works, only this safety net is missing.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    return;
  }
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readRaw(key: string): string | null {
  try {
    return sessionStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function parseDraft(raw: string | null): Draft | null {
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft.values === 'object' && typeof draft.base === 'object' ? draft : null;
  } catch {
    return null;
  }
}

/** The stored draft's text (a stable snapshot for React), or null on the server and when there is none. */
export function useStoredDraft(key: string): string | null {
  return useSyncExternalStore(subscribe, () => readRaw(key), () => null);
}

/** Whether the draft holds anything the page does not already show. */
export function draftDiffers(draft: Draft, shown: FormValues): boolean {
  const names = new Set([...Object.keys(shown), ...Object.keys(draft.values).filter((n) => n.startsWith('phones.'))]);
  for (const name of names) {
    if (name.endsWith('.present')) continue;
    if ((draft.values[name] ?? '') !== (shown[name] ?? '')) return true;
  }
  return false;
}

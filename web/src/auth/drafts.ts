/**
 * Forms a person is filling are kept in sessionStorage as they type, tagged with who typed them, so
 * a session that ends mid-form (401) costs nothing: after signing in again the form comes back as it
 * was. Only the same user gets a draft back; signing out on purpose forgets every draft.
 */
const PREFIX = 'finbridge.draft.';

interface Stored {
  readonly owner: string;
  readonly values: unknown;
}

export function saveDraft(key: string, owner: string, values: unknown): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify({ owner, values } satisfies Stored));
  } catch {
    // storage full or disabled: the form still works, it just is not kept
  }
}

export function loadDraft(key: string, owner: string): unknown {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const stored = JSON.parse(raw) as Stored;
    if (stored.owner === owner) return stored.values;
    sessionStorage.removeItem(PREFIX + key); // someone else's
  } catch {
    // unreadable: treated as none
  }
  return undefined;
}

export function dropDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // nothing kept
  }
}

export function dropAllDrafts(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // nothing kept
  }
}

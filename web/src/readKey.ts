// The read key (CELLKG_READ_KEY) of an API that asks for one. When /graphql answers 401, the request
// waits while ReadKeyPrompt asks the user; once a key is given it is kept in sessionStorage (this tab
// only, gone when the tab closes), sent as "Authorization: Bearer", and every waiting request is retried.

const STORAGE_KEY = "cellkg.readKey";

/** Whether the user is being asked for a key, and why the last key was refused. */
export type ReadKeyState = { asking: boolean; refusal: string | null };

let state: ReadKeyState = { asking: false, refusal: null };
const listeners = new Set<() => void>();
const waiting = new Set<() => void>();

function setState(next: ReadKeyState) {
  state = next;
  listeners.forEach((listener) => listener());
}

export function subscribeReadKey(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function readKeyState(): ReadKeyState {
  return state;
}

function storedKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

/** The header that carries the stored key, if there is one (GraphiQL sends it too). */
export function readKeyHeaders(): Record<string, string> {
  const key = storedKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/** Keep the key the user gave and retry the requests that waited for it. */
export function giveReadKey(key: string) {
  sessionStorage.setItem(STORAGE_KEY, key);
  setState({ asking: false, refusal: null });
  waiting.forEach((retry) => retry());
  waiting.clear();
}

/** Resolves when the user gives a key; rejects when the request is abandoned meanwhile. */
function keyGiven(refusal: string | null, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    waiting.add(resolve);
    signal?.addEventListener(
      "abort",
      () => {
        waiting.delete(resolve);
        reject(signal.reason);
      },
      { once: true },
    );
    // a request sent without a key must not hide why another one's key was refused
    setState({ asking: true, refusal: refusal ?? state.refusal });
  });
}

async function refusalMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message?: string }[] };
    return body.errors?.[0]?.message ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** fetch with the stored key; on 401, ask for a key and try again with it. */
export const fetchWithReadKey: typeof fetch = async (input, init) => {
  for (;;) {
    const key = storedKey();
    const headers = new Headers(init?.headers);
    if (key) headers.set("Authorization", `Bearer ${key}`);
    const response = await fetch(input, { ...init, headers });
    if (response.status !== 401) return response;
    if (storedKey() !== key) continue; // another request brought a new key meanwhile
    await keyGiven(key ? await refusalMessage(response) : null, init?.signal);
  }
};

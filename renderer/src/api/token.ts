// Browser (renderer). The per-launch access token of the loopback web host. It arrives once in
// the URL fragment (#token=…, never sent to a server); it is kept in sessionStorage so a reload
// of the tab still works, and removed from the address bar so it is not shared by copy-paste.

import { TOKEN_FRAGMENT_KEY } from '../../../shared/core/api/http-protocol';

export const TOKEN_STORAGE_KEY = 'meshDesk.token';

export interface TokenEnvironment {
  location: { hash: string; pathname: string; search: string };
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** history.replaceState(null, '', url) in the browser. */
  replaceUrl(url: string): void;
}

function safeGet(storage: TokenEnvironment['storage']): string | null {
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

function safeSet(storage: TokenEnvironment['storage'], token: string): void {
  try {
    storage?.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Without storage the token lives only in memory: a reload will need the link again.
  }
}

/** Returns the token (from the fragment, else from storage) and cleans the fragment. */
export function takeToken(env: TokenEnvironment): string | null {
  const hash = env.location.hash.startsWith('#') ? env.location.hash.slice(1) : env.location.hash;
  const params = new URLSearchParams(hash);
  const fromUrl = params.get(TOKEN_FRAGMENT_KEY);
  if (fromUrl) {
    safeSet(env.storage, fromUrl);
    params.delete(TOKEN_FRAGMENT_KEY);
    const rest = params.toString();
    env.replaceUrl(`${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`);
    return fromUrl;
  }
  return safeGet(env.storage);
}

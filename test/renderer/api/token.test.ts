import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, takeToken } from '../../../renderer/src/api/token';

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

describe('takeToken', () => {
  it('takes the token from the fragment, stores it and cleans the address bar', () => {
    const storage = memoryStorage();
    const urls: string[] = [];
    const t = takeToken({ location: { hash: '#token=abc123', pathname: '/', search: '?x=1' }, storage, replaceUrl: (u) => urls.push(u) });
    expect(t).toBe('abc123');
    expect(storage.m.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(urls).toEqual(['/?x=1']);
  });

  it('keeps other fragment parameters', () => {
    const urls: string[] = [];
    takeToken({ location: { hash: '#a=1&token=t&b=2', pathname: '/app/', search: '' }, storage: memoryStorage(), replaceUrl: (u) => urls.push(u) });
    expect(urls).toEqual(['/app/#a=1&b=2']);
  });

  it('falls back to the stored token after a reload, and to null without one', () => {
    const urls: string[] = [];
    const env = { location: { hash: '', pathname: '/', search: '' }, replaceUrl: (u: string) => urls.push(u) };
    expect(takeToken({ ...env, storage: memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' }) })).toBe('kept');
    expect(takeToken({ ...env, storage: memoryStorage() })).toBeNull();
    expect(urls).toEqual([]);
  });

  it('works when the browser refuses storage', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(takeToken({ location: { hash: '#token=z', pathname: '/', search: '' }, storage: broken, replaceUrl: () => {} })).toBe('z');
    expect(takeToken({ location: { hash: '', pathname: '/', search: '' }, storage: broken, replaceUrl: () => {} })).toBeNull();
    expect(takeToken({ location: { hash: '', pathname: '/', search: '' }, storage: null, replaceUrl: () => {} })).toBeNull();
  });
});

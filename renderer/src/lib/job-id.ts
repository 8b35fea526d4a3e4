// Browser (renderer). Job ids the renderer chooses so it can cancel a job and match its
// progress events. The API accepts /^[A-Za-z0-9_-]{1,64}$/: a UUID without dashes fits.

export const JOB_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function newJobId(cryptoImpl: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID().replace(/-/g, '');
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

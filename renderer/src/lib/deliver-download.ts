// Browser (renderer). Hands a file the page fetched to the browser's own download (browser
// mode: the page cannot write to the owner's folders itself).

export function deliverDownload(name: string, blob: Blob): void {
  if (typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

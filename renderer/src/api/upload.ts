// Browser (renderer). Sends a file's bytes to the loopback host. XMLHttpRequest is used where it
// exists because fetch cannot report upload progress, and a 1 GB file needs a progress bar.

export interface UploadAnswer {
  /** 0 when the request never got an answer (network failure). */
  status: number;
  body: string;
}

export type UploadFn = (
  url: string,
  body: Blob,
  headers: Record<string, string>,
  onProgress: (loaded: number, total: number) => void,
) => Promise<UploadAnswer>;

export const xhrUpload: UploadFn = (url, body, headers, onProgress) =>
  new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => resolve({ status: 0, body: '' });
    xhr.onabort = () => resolve({ status: 0, body: '' });
    xhr.send(body);
  });

export function fetchUpload(fetchImpl: typeof fetch): UploadFn {
  return async (url, body, headers, onProgress) => {
    try {
      const res = await fetchImpl(url, { method: 'POST', body, headers });
      const text = await res.text();
      onProgress(body.size, body.size);
      return { status: res.status, body: text };
    } catch {
      return { status: 0, body: '' };
    }
  };
}

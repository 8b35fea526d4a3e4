// Browser (renderer). What the screens hold: the typed API contract, plus an optional upload
// progress feed that only the HTTP client can offer (Electron passes a path, not bytes).

import type { MeshDeskApi } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';

export interface UploadProgress {
  fileName: string;
  loaded: number;
  total: number;
}

export interface RendererApi extends MeshDeskApi {
  onUploadProgress?(listener: (p: UploadProgress) => void): () => void;
  /**
   * Fetches a file the host prepared (SavedFile.downloadUrl, browser mode), with the page's
   * access key, so the page can hand it to the browser's own download.
   */
  download?(path: string): Promise<Result<Blob>>;
}

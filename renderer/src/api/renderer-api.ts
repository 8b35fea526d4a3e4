// Browser (renderer). What the screens hold: the typed API contract, plus an optional upload
// progress feed that only the HTTP client can offer (Electron passes a path, not bytes).

import type { MeshDeskApi } from '../../../shared/core/api/contract';

export interface UploadProgress {
  fileName: string;
  loaded: number;
  total: number;
}

export interface RendererApi extends MeshDeskApi {
  onUploadProgress?(listener: (p: UploadProgress) => void): () => void;
}

// Browser (renderer). What the action groups (import, publish, settings) share: the API, the
// current state, a way to apply a pure transition, and the job id source (fixed in tests).

import type { RendererApi } from '../api/renderer-api';
import type { ImportState } from './import-state';

export interface ActionContext {
  api: RendererApi;
  get(): ImportState;
  apply(f: (s: ImportState) => ImportState): void;
  newJobId(): string;
}

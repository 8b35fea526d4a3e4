// Node only. The file a job's worker thread starts from when Mesh Desk runs from source:
// it teaches Node to load TypeScript (tsx's ESM loader, registered in this thread) and then
// loads the real worker module. The Electron build passes its bundled worker file instead.
import { register } from 'tsx/esm/api';

register();
await import('./inspect-worker.ts');

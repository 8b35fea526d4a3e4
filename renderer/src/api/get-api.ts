// Browser (renderer). The one way screens reach Mesh Desk: the preload's object in Electron,
// otherwise the HTTP client for the loopback web host.

import type { MeshDeskApi } from '../../../shared/core/api/contract';
import { createHttpApi } from './http-client';
import type { RendererApi } from './renderer-api';
import { takeToken } from './token';
import { xhrUpload } from './upload';
import { exposedApi } from './window-api';

let instance: RendererApi | undefined;

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function getApi(): MeshDeskApi & RendererApi {
  if (instance) return instance;
  const exposed = exposedApi();
  if (exposed) {
    instance = exposed;
    return instance;
  }
  const token = takeToken({
    location: window.location,
    storage: sessionStore(),
    replaceUrl: (u) => window.history.replaceState(window.history.state, '', u),
  });
  instance = createHttpApi({
    baseUrl: window.location.origin,
    token: () => token,
    ...(typeof XMLHttpRequest === 'undefined' ? {} : { upload: xhrUpload }),
  });
  return instance;
}

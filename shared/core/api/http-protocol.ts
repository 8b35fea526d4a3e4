// Runs anywhere (pure core).
// How the API contract travels over HTTP between the browser renderer and the loopback web
// host. Both sides import these constants so they cannot drift apart.
//
//   POST {API_PREFIX}/call/<call name>   body: JSON input        → 200, JSON Result<output>
//   GET  {API_PREFIX}/events             text/event-stream: "event: <name>\ndata: <json>\n\n"
//   POST {API_PREFIX}/upload?name=…&lastModified=…   body: the file's raw bytes → JSON Result<SourceRef>
//   GET  {API_PREFIX}/download/<id>      a file Mesh Desk made (SavedFile.downloadUrl), as an attachment
//
// Every API request carries `Authorization: Bearer <token>`; the token is created per launch
// and handed to the browser in the URL fragment (#token=…), which is never sent to a server.

export const API_PREFIX = '/api';
export const CALL_PATH = `${API_PREFIX}/call/`;
export const EVENTS_PATH = `${API_PREFIX}/events`;
export const UPLOAD_PATH = `${API_PREFIX}/upload`;
export const DOWNLOAD_PATH = `${API_PREFIX}/download/`;
export const TOKEN_FRAGMENT_KEY = 'token';
/** Largest JSON body accepted for a call (inputs are small; files go through upload). */
export const MAX_CALL_BODY_BYTES = 1 << 20;

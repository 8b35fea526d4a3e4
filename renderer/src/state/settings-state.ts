// Browser (renderer). The Settings screen's state and its pure transitions: the meshes the host
// knows, the "Add a mesh" form, and the answer of "Test connection". Every call is numbered so a
// late answer (a slow settings.get after a quick mesh.use) never puts older settings back on screen.

import type { MeshConfig, MeshSettings } from '../../../shared/core/api/contract';
import type { AppError, Result } from '../../../shared/core/result';
import type { MeshForm } from '../lib/mesh-url-form';
import { emptyMeshForm, formFromMesh } from '../lib/mesh-url-form';

export type SettingsCall = 'get' | 'save' | 'use' | 'remove';

export interface MeshTestState {
  seq: number;
  running: boolean;
  ok: boolean;
  message: string;
}

export interface SettingsState {
  open: boolean;
  settings: MeshSettings | null;
  /** Number of the last call sent, and of the last answer applied. */
  seq: number;
  applied: number;
  /** The change being made (and its call number), to disable the buttons meanwhile. */
  busy: { call: SettingsCall; seq: number; meshId?: string } | null;
  error: AppError | null;
  notice: string | null;
  /** The add / change form; null until Settings first opens (it is always shown there). */
  form: MeshForm | null;
  /** True once Save or Test was pressed, so field errors show. */
  tried: boolean;
  test: MeshTestState | null;
  /** Goes up whenever the host's settings changed (save, use, remove): Publish prepares again. */
  revision: number;
}

export const initialSettingsState: SettingsState = {
  open: false,
  settings: null,
  seq: 0,
  applied: 0,
  busy: null,
  error: null,
  notice: null,
  form: null,
  tried: false,
  test: null,
  revision: 0,
};

export function openSettings(s: SettingsState): SettingsState {
  return { ...s, open: true, error: null, notice: null, form: s.form ?? { ...emptyMeshForm } };
}

/** The form stays as typed for next time, except the secret, which is not kept longer than needed. */
export function closeSettings(s: SettingsState): SettingsState {
  const form = s.form ? { ...s.form, secretAccessKey: '' } : null;
  return { ...s, open: false, form, test: null, error: null, notice: null };
}

/** A call goes out: its number, and (for changes) what is busy. */
export function callStarted(s: SettingsState, call: SettingsCall, meshId?: string): SettingsState {
  const seq = s.seq + 1;
  const busy = call === 'get' ? s.busy : meshId !== undefined ? { call, seq, meshId } : { call, seq };
  return { ...s, seq, busy, error: null, notice: call === 'get' ? s.notice : null };
}

const NOTICES: Record<Exclude<SettingsCall, 'get'>, (name: string) => string> = {
  save: (name) => `Saved “${name}”.`,
  use: (name) => `Products will now be published to “${name}”.`,
  remove: (name) => `Removed “${name}” from Mesh Desk. Products already published there are not touched.`,
};

/** The answer of a settings call with number `seq`. Older answers than the one on screen are dropped. */
export function callFinished(s: SettingsState, call: SettingsCall, seq: number, result: Result<MeshSettings>, meshName = ''): SettingsState {
  const busy = s.busy?.seq === seq ? null : s.busy;
  if (!result.ok) return { ...s, busy, error: result.error };
  if (seq < s.applied) return { ...s, busy };
  const next: SettingsState = { ...s, busy, settings: result.value, applied: seq };
  if (call === 'get') return next;
  next.revision = s.revision + 1;
  next.notice = NOTICES[call](meshName);
  if (call === 'save') {
    next.form = { ...emptyMeshForm };
    next.tried = false;
    next.test = null;
  }
  return next;
}

export function startForm(s: SettingsState, mesh?: MeshConfig): SettingsState {
  return { ...s, form: mesh ? formFromMesh(mesh) : { ...emptyMeshForm }, tried: false, test: null, notice: null, error: null };
}

/** Back to an empty "Add a mesh" form. */
export function cancelForm(s: SettingsState): SettingsState {
  return { ...s, form: { ...emptyMeshForm }, tried: false, test: null };
}

/** Any edit makes an earlier test answer meaningless, so it goes. */
export function formEdited(s: SettingsState, edit: (f: MeshForm) => MeshForm): SettingsState {
  if (!s.form) return s;
  return { ...s, form: edit(s.form), test: null };
}

export function formTried(s: SettingsState): SettingsState {
  return { ...s, tried: true };
}

export function testStarted(s: SettingsState): SettingsState {
  const seq = s.seq + 1;
  return { ...s, seq, test: { seq, running: true, ok: false, message: 'Testing the connection…' } };
}

/** Only the answer to the test now on screen counts (the form may have changed meanwhile). */
export function testFinished(s: SettingsState, seq: number, result: Result<{ message: string }>): SettingsState {
  if (s.test?.seq !== seq) return s;
  const test = result.ok ? { seq, running: false, ok: true, message: result.value.message } : { seq, running: false, ok: false, message: result.error.message };
  return { ...s, test };
}

export function dismissSettingsNotice(s: SettingsState): SettingsState {
  return { ...s, notice: null, error: null };
}

/** The mesh Publish sends products to, when the settings are known. */
export function activeMesh(s: SettingsState): MeshConfig | null {
  const set = s.settings;
  return set?.meshes.find((m) => m.id === set.activeMeshId) ?? null;
}

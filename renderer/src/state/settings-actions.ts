// Browser (renderer). The Settings screen's calls: settings.get, mesh.save / use / remove and
// mesh.test. Transitions are in settings-state.ts; this file numbers the calls and applies the
// answers. Secrets go out in mesh.save / mesh.test only and never come back.

import type { MeshConfig, MeshSettings } from '../../../shared/core/api/contract';
import type { Result } from '../../../shared/core/result';
import type { MeshForm } from '../lib/mesh-url-form';
import { meshInputFromForm } from '../lib/mesh-url-form';
import type { ActionContext } from './action-context';
import type { SettingsState } from './settings-state';
import * as G from './settings-state';

export interface SettingsActions {
  openSettings(): Promise<void>;
  /** Back to where the owner was. */
  closeSettings(): void;
  loadSettings(): Promise<void>;
  /** Opens the form empty, or filled from a saved mesh. */
  startMeshForm(meshId?: string): void;
  cancelMeshForm(): void;
  editMeshForm(edit: (f: MeshForm) => MeshForm): void;
  saveMesh(): Promise<void>;
  testMesh(): Promise<void>;
  useMesh(id: string): Promise<void>;
  removeMesh(id: string): Promise<void>;
  dismissSettingsMessage(): void;
}

export function createSettingsActions(ctx: ActionContext): SettingsActions {
  const { api, get } = ctx;
  const apply = (f: (s: SettingsState) => SettingsState) => ctx.apply((s) => ({ ...s, settings: f(s.settings) }));
  /** The mesh's name as known before the call, else from the answer (settings may not have loaded yet). */
  const meshName = (id: string, before: MeshConfig[] | undefined, res: Result<MeshSettings>): string =>
    (before ?? []).concat(res.ok ? res.value.meshes : []).find((m) => m.id === id)?.name ?? 'the mesh';

  const actions: SettingsActions = {
    async openSettings() {
      apply(G.openSettings);
      await actions.loadSettings();
    },

    closeSettings: () => apply(G.closeSettings),

    async loadSettings() {
      apply((s) => G.callStarted(s, 'get'));
      const seq = get().settings.seq;
      const res = await api.call('settings.get', {});
      apply((s) => G.callFinished(s, 'get', seq, res));
    },

    startMeshForm(meshId) {
      const mesh = meshId === undefined ? undefined : get().settings.settings?.meshes.find((m) => m.id === meshId);
      if (meshId !== undefined && !mesh) return;
      apply((s) => G.startForm(s, mesh));
    },

    cancelMeshForm: () => apply(G.cancelForm),

    editMeshForm: (edit) => apply((s) => G.formEdited(s, edit)),

    async saveMesh() {
      const form = get().settings.form;
      if (!form || get().settings.busy) return;
      const input = meshInputFromForm(form);
      if (!input.ok) return apply(G.formTried);
      apply((s) => G.callStarted(G.formTried(s), 'save'));
      const seq = get().settings.seq;
      const res = await api.call('mesh.save', input.value);
      apply((s) => G.callFinished(s, 'save', seq, res, input.value.name));
    },

    async testMesh() {
      const form = get().settings.form;
      if (!form) return;
      const input = meshInputFromForm(form);
      if (!input.ok) return apply(G.formTried);
      apply((s) => G.testStarted(G.formTried(s)));
      const seq = get().settings.seq;
      const res = await api.call('mesh.test', { draft: input.value });
      apply((s) => G.testFinished(s, seq, res));
    },

    async useMesh(id) {
      if (get().settings.busy) return;
      const before = get().settings.settings?.meshes;
      apply((s) => G.callStarted(s, 'use', id));
      const seq = get().settings.seq;
      const res = await api.call('mesh.use', { id });
      apply((s) => G.callFinished(s, 'use', seq, res, meshName(id, before, res)));
    },

    async removeMesh(id) {
      if (get().settings.busy) return;
      const before = get().settings.settings?.meshes;
      apply((s) => G.callStarted(s, 'remove', id));
      const seq = get().settings.seq;
      const res = await api.call('mesh.remove', { id });
      apply((s) => {
        const next = G.callFinished(s, 'remove', seq, res, meshName(id, before, res));
        // The form about a mesh that no longer exists would save it again under a stale id.
        return res.ok && next.form?.id === id ? G.cancelForm(next) : next;
      });
    },

    dismissSettingsMessage: () => apply(G.dismissSettingsNotice),
  };
  return actions;
}

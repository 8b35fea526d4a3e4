// Browser (renderer). The meshes the owner has set up: which one Publish uses, and buttons to
// use, change or remove each (the built-in folder mesh can only be used). Removing asks first.

import { useState } from 'react';
import type { MeshConfig, MeshSettings } from '../../../shared/core/api/contract';
import type { SettingsState } from '../state/settings-state';

interface Props {
  settings: MeshSettings;
  busy: SettingsState['busy'];
  onUse(id: string): void;
  onEdit(id: string): void;
  onRemove(id: string): void;
}

function credentialText(m: MeshConfig): string | null {
  if (m.kind !== 's3') return null;
  if (m.hasSavedKeys) return 'Keys saved';
  if (m.profile) return `AWS profile “${m.profile}”`;
  return 'AWS profile or environment';
}

export function MeshList({ settings, busy, onUse, onEdit, onRemove }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <ul className="mesh-list" aria-label="Your meshes">
      {settings.meshes.map((m) => {
        const active = m.id === settings.activeMeshId;
        const creds = credentialText(m);
        const working = busy?.meshId === m.id;
        return (
          <li key={m.id} className={`mesh-row${active ? ' is-active' : ''}`} data-testid={`mesh-row-${m.id}`}>
            <div className="mesh-row-text">
              <p className="fact-strong">
                {m.name}
                {active && <span className="verdict-tag is-info mesh-active-tag">Used for publishing</span>}
                {m.builtIn && <span className="muted small"> · made by Mesh Desk</span>}
              </p>
              <code className="address is-selectable">{m.url}</code>
              {creds && <p className="muted small">{creds}</p>}
            </div>
            <div className="mesh-row-actions">
              {!active && (
                <button type="button" className="button button-small" data-testid={`mesh-use-${m.id}`} disabled={!!busy} onClick={() => onUse(m.id)}>
                  {working && busy?.call === 'use' ? 'Switching…' : 'Use for publishing'}
                  <span className="sr-only">: {m.name}</span>
                </button>
              )}
              {!m.builtIn && confirming !== m.id && (
                <>
                  <button type="button" className="button button-small" data-testid={`mesh-edit-${m.id}`} disabled={!!busy} onClick={() => onEdit(m.id)}>
                    Change<span className="sr-only"> {m.name}</span>
                  </button>
                  <button type="button" className="button button-small" data-testid={`mesh-remove-${m.id}`} disabled={!!busy} onClick={() => setConfirming(m.id)}>
                    Remove<span className="sr-only"> {m.name}</span>
                  </button>
                </>
              )}
              {confirming === m.id && (
                <div className="mesh-confirm" role="group" aria-label={`Remove ${m.name}?`}>
                  <span className="small">Remove “{m.name}” from Mesh Desk? Products already in it stay where they are.</span>
                  <button
                    type="button"
                    className="button button-small"
                    data-testid={`mesh-remove-confirm-${m.id}`}
                    autoFocus
                    onClick={() => {
                      setConfirming(null);
                      onRemove(m.id);
                    }}
                  >
                    Remove
                  </button>
                  <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </div>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

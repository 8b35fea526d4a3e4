// Browser (renderer). Where a file comes in: drag and drop, or the keyboard (Enter/Space on
// the focused zone), or the "Open file…" button. The hidden input is the browser's chooser.

import { useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { ACCEPT_ATTRIBUTE } from '../lib/file-kind';

interface Props {
  /** Native dialog in the desktop app; otherwise the hidden input is used. */
  nativeDialogs: boolean;
  busy: boolean;
  onFile(file: File): void;
  onPick(): void;
}

export function DropZone({ nativeDialogs, busy, onFile, onPick }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element: count them to know when the file leaves.
  const depth = useRef(0);

  const open = () => {
    if (busy) return;
    if (nativeDialogs) onPick();
    else input.current?.click();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

  const onDragEnter = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth.current++;
    setDragging(true);
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) onFile(file);
  };

  return (
    <div className="card drop-card">
      <div
        className={`drop-zone${dragging ? ' is-dragging' : ''}${busy ? ' is-busy' : ''}`}
        data-testid="drop-zone"
        role="button"
        tabIndex={0}
        aria-label="Drop a CSV or Excel file here, or press Enter to choose one"
        aria-describedby="drop-zone-formats"
        aria-disabled={busy || undefined}
        onClick={open}
        onKeyDown={onKeyDown}
        onDragEnter={onDragEnter}
        onDragLeave={onDragLeave}
        onDragOver={onDragOver}
        onDrop={onDrop}
      >
        <svg className="drop-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
          <path d="M14 6h14l10 10v24a2 2 0 0 1-2 2H14a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2z" />
          <path d="M28 6v10h10" />
          <path d="M25 36V22m-6 6 6-6 6 6" />
        </svg>
        <p className="drop-title">{dragging ? 'Release to open this file' : 'Drop a CSV or Excel file here'}</p>
        <p className="drop-hint" id="drop-zone-formats">
          CSV, TSV, TXT, XLSX or XLSM. Large files are fine: Mesh Desk reads them in pieces.
        </p>
      </div>
      <div className="drop-actions">
        <span className="drop-or">or</span>
        <button type="button" className="button button-primary" data-testid="open-file" onClick={open} disabled={busy}>
          Open file…
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT_ATTRIBUTE}
        data-testid="file-input"
        hidden
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so choosing the same file again still fires "change".
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}

// Browser (renderer). The Mesh Desk mark: a sheet whose cells join into a mesh. Inline SVG so
// it needs no request and inherits the text colour.

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="26" height="26" rx="6" className="logo-sheet" />
      <path d="M9 11h14M9 16h14M9 21h14M13 8v17M19 8v17" className="logo-grid" />
      <circle cx="13" cy="11" r="2.2" className="logo-node" />
      <circle cx="19" cy="16" r="2.2" className="logo-node" />
      <circle cx="13" cy="21" r="2.2" className="logo-node" />
    </svg>
  );
}

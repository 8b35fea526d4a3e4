// Browser (renderer). The columns of a product in the reader's words: business name first, the
// type in plain words (technical name as a hint), personal data marked, required, allowed values.

import type { PulledColumn } from '../../../shared/core/pull/read-endpoint';
import { personalLabel, pulledTypeLabel } from '../lib/product-view';

export function ProductColumns({ columns }: { columns: PulledColumn[] }) {
  if (columns.length === 0) return <p className="muted">The contract of this version describes no columns.</p>;
  return (
    <div className="meta-table-wrap">
      <table className="product-table" data-testid="product-columns">
        <caption className="sr-only">Columns of the product</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Business name</th>
            <th scope="col">Type</th>
            <th scope="col">Description</th>
            <th scope="col">Personal data</th>
            <th scope="col">Required</th>
            <th scope="col">Allowed values</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code>{c.name}</code>
              </th>
              <td>{c.businessName ?? ''}</td>
              <td title={`Technical name: ${c.type}`}>{pulledTypeLabel(c.type)}</td>
              <td>{c.description ?? ''}</td>
              <td>{c.personal ? <span className={`personal-mark is-${c.personal}`}>{personalLabel(c.personal)}</span> : 'No'}</td>
              <td>{c.required ? 'Required' : 'Optional'}</td>
              <td>{c.allowed ? c.allowed.join(', ') : 'Any'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

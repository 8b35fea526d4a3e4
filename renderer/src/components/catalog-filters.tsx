// Browser (renderer). The Catalog's search box, filter selects, "overdue only" and sort. The
// selects offer only values that occur in the catalog, so no choice can lead to an empty list
// on its own.

import type { CatalogFilters, FilterOptions } from '../lib/catalog-view';

interface Props {
  filters: CatalogFilters;
  options: FilterOptions;
  onChange(edit: Partial<CatalogFilters>): void;
}

interface SelectProps {
  id: string;
  label: string;
  any: string;
  value: string;
  values: string[];
  onChange(value: string): void;
}

function FilterSelect({ id, label, any, value, values, onChange }: SelectProps) {
  return (
    <div className="field catalog-filter">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {/* A filter chosen earlier stays selectable even if a refresh removed its last product. */}
        {value !== '' && !values.includes(value) && <option value={value}>{value}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CatalogFiltersBar({ filters, options, onChange }: Props) {
  return (
    <div className="card catalog-filters" role="search" aria-label="Find a product">
      <div className="field catalog-search">
        <label className="field-label" htmlFor="catalog-search">
          Search
        </label>
        <input
          id="catalog-search"
          data-testid="catalog-search"
          type="search"
          className="input-text"
          placeholder="Words from the name, title, summary, tags or columns"
          autoComplete="off"
          value={filters.query}
          onChange={(e) => onChange({ query: e.target.value })}
        />
      </div>
      <FilterSelect id="catalog-filter-domain" label="Domain" any="All domains" value={filters.domain} values={options.domains} onChange={(domain) => onChange({ domain })} />
      <FilterSelect id="catalog-filter-owner" label="Owner" any="All owners" value={filters.owner} values={options.owners} onChange={(owner) => onChange({ owner })} />
      <FilterSelect id="catalog-filter-tag" label="Tag" any="All tags" value={filters.tag} values={options.tags} onChange={(tag) => onChange({ tag })} />
      <FilterSelect
        id="catalog-filter-classification"
        label="Who may see it"
        any="Any classification"
        value={filters.classification}
        values={options.classifications}
        onChange={(classification) => onChange({ classification })}
      />
      <div className="field catalog-filter">
        <label className="field-label" htmlFor="catalog-sort">
          Sort by
        </label>
        <select id="catalog-sort" data-testid="catalog-sort" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value === 'updated' ? 'updated' : 'name' })}>
          <option value="name">Name (A to Z)</option>
          <option value="updated">Last update (newest first)</option>
        </select>
      </div>
      <label className="catalog-overdue">
        <input type="checkbox" data-testid="catalog-filter-overdue" checked={filters.overdueOnly} onChange={(e) => onChange({ overdueOnly: e.target.checked })} />
        Only overdue products
        <span className="field-hint">The last version is older than the promised update frequency allows.</span>
      </label>
    </div>
  );
}

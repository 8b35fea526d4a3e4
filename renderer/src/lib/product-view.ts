// Browser (renderer). The product page's words: column types, version steps, frequencies and
// preview cells as a manager reads them, with the technical names kept for hints.

import type { ColumnType } from '../../../shared/core/inspect/report';
import type { Bump } from '../../../shared/core/publish/version-history';
import type { PulledColumn, PulledValue } from '../../../shared/core/pull/read-endpoint';
import { FREQUENCY_LABELS } from './meta-labels';
import { typeLabel } from './type-labels';

/** Published columns use the contract's type names; the owner knows them by the Describe step's words. */
const AS_COLUMN_TYPE: Record<PulledColumn['type'], ColumnType> = {
  string: 'text',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'datetime',
};

export function pulledTypeLabel(type: PulledColumn['type']): string {
  return Object.hasOwn(AS_COLUMN_TYPE, type) ? typeLabel(AS_COLUMN_TYPE[type]) : type;
}

const BUMP_LABELS: Record<Bump | 'initial', string> = {
  initial: 'First version',
  major: 'Major change',
  minor: 'Addition',
  patch: 'Data update',
};

export function bumpLabel(bump: string): string {
  return Object.hasOwn(BUMP_LABELS, bump) ? BUMP_LABELS[bump as Bump | 'initial'] : bump;
}

/** "monthly" → "Every month"; anything else a foreign tool wrote is shown as written. */
export function frequencyLabel(frequency: string | undefined): string {
  if (frequency === undefined) return 'Not stated';
  return Object.hasOwn(FREQUENCY_LABELS, frequency) ? FREQUENCY_LABELS[frequency as keyof typeof FREQUENCY_LABELS] : frequency;
}

export function personalLabel(personal: PulledColumn['personal']): string {
  if (personal === 'sensitive') return 'Sensitive personal data';
  if (personal === 'personal') return 'Personal data';
  return '';
}

/** One preview cell as text: dates as their ISO text, yes/no for booleans, empty for no value. */
export function cellText(value: PulledValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.iso;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** mailto: only for something that looks like an address, so a stray value is never a link. */
export function mailtoHref(email: string | undefined): string | undefined {
  if (!email || !/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(email)) return undefined;
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}`;
}

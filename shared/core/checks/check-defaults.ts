// Runs anywhere (pure core).
// Every quality check Mesh Desk runs, with its default severity, a short title for lists and
// the fix in the owner's words. One table, so the governance policy can map codes to
// block / warn / info / off without knowing how each check works.

import type { Severity } from '../problems';
import type { UpdateFrequency } from '../metadata/types';

export type CheckCode =
  | 'check.required-empty'
  | 'check.empty-row'
  | 'check.empty-column'
  | 'check.type-mismatch'
  | 'check.duplicate-key'
  | 'check.duplicate-row'
  | 'check.not-allowed'
  | 'check.out-of-range'
  | 'check.pattern'
  | 'check.text-length'
  | 'check.future-date'
  | 'check.stale'
  | 'check.personal-data'
  | 'check.spaces'
  | 'check.number-as-text'
  | 'check.mixed-decimal'
  | 'check.drift-rows'
  | 'check.drift-nulls'
  | 'check.bad-rule';

export interface CheckDefault {
  severity: Severity;
  title: string;
  fix: string;
}

export const CHECK_DEFAULTS: Record<CheckCode, CheckDefault> = {
  'check.required-empty': { severity: 'error', title: 'Empty value in a required column', fix: 'Fill the cell in, or untick Required for the column.' },
  'check.empty-row': { severity: 'info', title: 'Empty row', fix: 'Delete the empty row from your file.' },
  'check.empty-column': { severity: 'warning', title: 'Empty column', fix: 'Fill the column in, or delete it from your file.' },
  'check.type-mismatch': { severity: 'error', title: 'Value of the wrong type', fix: 'Correct the value, or choose another type for the column.' },
  'check.duplicate-key': { severity: 'error', title: 'Repeated value in a unique column', fix: 'Make each value different, or untick Unique / Primary key.' },
  'check.duplicate-row': { severity: 'warning', title: 'Repeated row', fix: 'Delete the copy, or keep it if the row really happened twice.' },
  'check.not-allowed': { severity: 'error', title: 'Value not in the allowed list', fix: 'Use one of the allowed values, or add this value to the list.' },
  'check.out-of-range': { severity: 'error', title: 'Value out of range', fix: 'Correct the value, or widen the lowest / highest allowed value.' },
  'check.pattern': { severity: 'error', title: 'Value does not match the pattern', fix: 'Correct the value, or change the pattern of the column.' },
  'check.text-length': { severity: 'error', title: 'Text too short or too long', fix: 'Correct the value, or change the allowed length.' },
  'check.future-date': { severity: 'warning', title: 'Date in the future', fix: 'Correct the date, or allow future dates for the column.' },
  'check.stale': { severity: 'warning', title: 'Data older than promised', fix: 'Publish newer data, or choose a less frequent update schedule.' },
  'check.personal-data': { severity: 'warning', title: 'Personal data in a column not marked Personal', fix: 'Mark the column Personal, or remove the personal data.' },
  'check.spaces': { severity: 'info', title: 'Spaces before or after a value', fix: 'Remove the extra spaces (Excel: =TRIM(cell)).' },
  'check.number-as-text': { severity: 'warning', title: 'Number stored as text', fix: 'Convert the cells to numbers in Excel (the green triangle → Convert to Number).' },
  'check.mixed-decimal': { severity: 'warning', title: 'Decimal comma and point mixed', fix: 'Write every number of the column with the same decimal mark.' },
  'check.drift-rows': { severity: 'warning', title: 'Row count changed a lot', fix: 'Check that the file is complete and is the right one.' },
  'check.drift-nulls': { severity: 'warning', title: 'New empty values', fix: 'Fill the empty cells in, or check that the file is complete.' },
  'check.bad-rule': { severity: 'error', title: 'A column rule cannot be used', fix: 'Correct the rule in the column settings.' },
};

/**
 * How old the newest date may be, in days, for each promised update frequency: the period plus
 * a little slack for weekends and holidays. A one-off dataset is never stale.
 */
export const FRESHNESS_MAX_AGE_DAYS: Record<UpdateFrequency, number | undefined> = {
  daily: 2,
  weekly: 8,
  monthly: 35,
  quarterly: 100,
  yearly: 380,
  'one-off': undefined,
};

/** A code's level as chosen by a policy: a severity, or "off" (the check does not run). */
export type CheckLevel = Severity | 'off';

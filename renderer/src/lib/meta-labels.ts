// Browser (renderer). The Describe form's choices in the owner's words; the stored (technical)
// value is kept for hints, as with column types.

import type { Classification, PersonalData, UpdateFrequency } from '../../../shared/core/metadata/types';

export const FREQUENCY_LABELS: Record<UpdateFrequency, string> = {
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  quarterly: 'Every quarter',
  yearly: 'Every year',
  'one-off': 'Once, not updated',
};

export const CLASSIFICATION_LABELS: Record<Classification, { label: string; hint: string }> = {
  public: { label: 'Public', hint: 'Anyone may see it, also outside the company.' },
  internal: { label: 'Internal', hint: 'Everyone in the company may see it, nobody outside.' },
  confidential: { label: 'Confidential', hint: 'Only the teams who need it; harm if it leaks.' },
  restricted: { label: 'Restricted', hint: 'Named people only; serious harm or legal trouble if it leaks.' },
};

export const PERSONAL_LABELS: Record<PersonalData, { label: string; hint: string }> = {
  none: { label: 'None', hint: 'Not about people, or people cannot be recognised from it.' },
  personal: { label: 'Personal', hint: 'Tells who someone is or how to reach them: names, e-mails, phone numbers.' },
  sensitive: { label: 'Sensitive', hint: 'Health, religion, bank or card numbers, dates of birth and the like: extra protection.' },
};

export const SUGGESTION_WORDS: Record<string, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  iban: 'bank account numbers (IBAN)',
  card: 'payment card numbers',
  name: "people's names",
  address: 'postal addresses',
  birthdate: 'dates of birth',
  'id-number': 'ID numbers',
};

/** True for an address that at least looks like name@domain.tld (the check does the rest). */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(text.trim());
}

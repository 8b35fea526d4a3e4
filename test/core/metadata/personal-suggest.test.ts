import { describe, expect, it } from 'vitest';
import { kindFromName, suggestPersonalData } from '../../../shared/core/metadata/personal-suggest';

describe('personal data from column names', () => {
  it.each([
    ['Email', 'email'], ['E-Mail-Adresse', 'email'], ['Mail', 'email'], ['courriel', 'email'], ['Correo electrónico', 'email'],
    ['Phone', 'phone'], ['Telefonnummer', 'phone'], ['Tel.', 'phone'], ['Handy', 'phone'], ['Mobile', 'phone'], ['Téléphone', 'phone'], ['Telefoon', 'phone'], ['Cellulare', 'phone'],
    ['IBAN', 'iban'], ['Kontonummer', 'iban'], ['Rekeningnummer', 'iban'],
    ['Credit card number', 'card'], ['Kreditkarte', 'card'], ['Tarjeta', 'card'],
    ['SSN', 'id-number'], ['Steuer-ID', 'id-number'], ['Tax ID', 'id-number'], ['Passport no', 'id-number'], ['Reisepass', 'id-number'], ['Codice fiscale', 'id-number'], ['BSN', 'id-number'],
    ['Date of birth', 'birthdate'], ['Geburtsdatum', 'birthdate'], ['DOB', 'birthdate'], ['Date de naissance', 'birthdate'], ['Fecha de nacimiento', 'birthdate'], ['Data di nascita', 'birthdate'], ['Geboortedatum', 'birthdate'],
    ['First name', 'name'], ['lastName', 'name'], ['Surname', 'name'], ['Vorname', 'name'], ['Nachname', 'name'], ['Kundenname', 'name'], ['Prénom', 'name'], ['Apellidos', 'name'], ['Cognome', 'name'], ['Voornaam', 'name'], ['Name', 'name'], ['Nom', 'name'],
    ['Address', 'address'], ['Adresse', 'address'], ['Straße', 'address'], ['Street name', 'address'], ['PLZ', 'address'], ['ZIP', 'address'], ['Postleitzahl', 'address'], ['Code postal', 'address'], ['Dirección', 'address'], ['Indirizzo', 'address'],
  ])('%s → %s', (header, kind) => {
    expect(kindFromName(header)).toBe(kind);
  });

  it.each(['Product name', 'Produktname', 'Nom du produit', 'Company name', 'Amount', 'Mailing list', 'Price', 'Telescope', 'Region', 'Artikel', 'Order number', 'Zipper colour', 'File name', ''])('%s is not personal', (header) => {
    expect(kindFromName(header)).toBeUndefined();
  });
});

describe('suggestPersonalData', () => {
  it('suggests from values first, naming the column and an example', () => {
    const s = suggestPersonalData([
      { name: 'Mail', header: 'Mail', letter: 'E', examples: ['a@b.de', 'c@d.com', ''] },
      { name: 'Contact', header: 'Contact', letter: 'F', examples: ['+49 30 1234567', '0171-1234567'] },
      { name: 'Account', header: 'Account', letter: 'G', examples: ['DE89 3704 0044 0532 0130 00'] },
      { name: 'Paid with', header: 'Paid with', letter: 'H', examples: ['4111 1111 1111 1111', '5555 5555 5555 4444', 'cash'] },
    ]);
    expect(s).toEqual([
      expect.objectContaining({ column: 'Mail', kind: 'email', suggested: 'personal', source: 'values' }),
      expect.objectContaining({ column: 'Contact', kind: 'phone', suggested: 'personal', source: 'values' }),
      expect.objectContaining({ column: 'Account', kind: 'iban', suggested: 'sensitive', source: 'values' }),
      expect.objectContaining({ column: 'Paid with', kind: 'card', suggested: 'sensitive', source: 'values' }),
    ]);
    expect(s[0]?.reason).toMatch(/^Column E 'Mail' holds e-mail addresses, e\.g\. a@b\.de\./);
    // Bank and card numbers are never repeated in full.
    expect(s[2]?.reason).toContain('DE89 … 3000');
    expect(s[2]?.reason).not.toContain('0532');
    expect(s[3]?.reason).toContain('4111 … 1111');
  });

  it('falls back to the column name when the values say nothing', () => {
    const s = suggestPersonalData([{ name: 'Geburtsdatum', header: 'Geburtsdatum', letter: 'C', examples: ['1980-01-02'] }]);
    expect(s).toEqual([{ column: 'Geburtsdatum', kind: 'birthdate', suggested: 'personal', source: 'name', reason: expect.stringMatching(/^Column C 'Geburtsdatum' looks, by its name, like it holds dates of birth/) }]);
  });

  it('stays quiet for ordinary columns, order numbers and dates', () => {
    expect(suggestPersonalData([
      { name: 'Order', header: 'Order', examples: ['123456789', '00012345', '2025-03-04'] },
      { name: 'Amount', examples: ['1.234.567', '12,50'] },
      { name: 'Column C', header: '', examples: [] },
    ])).toEqual([]);
  });

  it('needs at least half of the sample to match', () => {
    expect(suggestPersonalData([{ name: 'Notes', examples: ['call a@b.de', 'x', 'y', 'a@b.de'] }])).toEqual([]);
    expect(suggestPersonalData([{ name: 'Notes', examples: ['z', 'x@y.org', 'a@b.de'] }])).toHaveLength(1);
  });
});

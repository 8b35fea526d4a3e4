// Runs anywhere (pure core).
// Suggests which columns hold personal data, from the column's name (in the languages our owners
// write headers in) and from a few of its values. Only a suggestion: the owner decides, and the
// streaming check engine later counts matches over every value.

import { foldAccents } from './slug';
import { isCardNumber, isEmail, isIban, isPhone } from './personal-patterns';
import type { PersonalData } from './types';

export type PersonalKind = 'email' | 'phone' | 'iban' | 'card' | 'name' | 'address' | 'birthdate' | 'id-number';

export interface PersonalSuggestion {
  /** Column name as Mesh Desk shows it (ColumnProfile.name). */
  column: string;
  kind: PersonalKind;
  suggested: PersonalData;
  /** Plain words, e.g. "Column E 'Mail' holds e-mail addresses, e.g. a@b.de." */
  reason: string;
  source: 'name' | 'values';
}

export interface PersonalColumnInput {
  name: string;
  header?: string;
  /** Excel letter, used in the reason when given (ColumnProfile has it). */
  letter?: string;
  examples: readonly string[];
}

interface NameRule {
  kind: PersonalKind;
  /** Found anywhere in the header with spaces removed: long, unambiguous stems (German compounds). */
  stems: string[];
  /** Must be a whole word of the header. */
  words: string[];
}

// Order matters: "E-Mail-Adresse" is an e-mail, not an address; "Kundenname" a name.
const NAME_RULES: NameRule[] = [
  { kind: 'email', stems: ['email', 'emailadres', 'courriel', 'correoelectronico', 'postaelettronica'], words: ['mail', 'mails', 'mailadresse'] },
  {
    kind: 'phone',
    stems: ['phone', 'telefon', 'telephone', 'telefono', 'telefoon', 'handynummer', 'mobilnummer', 'mobilfunk', 'cellulare', 'mobiel', 'faxnummer'],
    words: ['tel', 'telnr', 'fon', 'mobile', 'mobil', 'handy', 'cell', 'gsm', 'movil', 'fax'],
  },
  { kind: 'iban', stems: ['iban', 'kontonummer', 'bankaccount', 'accountnumber', 'rekeningnummer', 'numerodecompte', 'numerodecuenta', 'contocorrente'], words: [] },
  { kind: 'card', stems: ['creditcard', 'cardnumber', 'kreditkarte', 'kartennummer', 'cartebancaire', 'cartedecredit', 'tarjeta', 'cartadicredito', 'creditcardnummer'], words: ['pan'] },
  {
    kind: 'id-number',
    stems: ['socialsecurity', 'sozialversicherung', 'passport', 'reisepass', 'passnummer', 'personalausweis', 'ausweisnummer', 'steuerid', 'steuernummer', 'steueridentifikation', 'taxid', 'taxnumber', 'taxidentification', 'nationalid', 'idcard', 'codicefiscale', 'burgerservicenummer', 'securitesociale', 'seguridadsocial', 'pasaporte', 'passeport', 'passaporto', 'paspoort', 'identitycard'],
    words: ['ssn', 'svnr', 'tin', 'nif', 'nie', 'dni', 'bsn', 'nir', 'ahv'],
  },
  {
    kind: 'birthdate',
    stems: ['birth', 'geburt', 'naissance', 'nacimiento', 'nascita', 'geboorte'],
    words: ['dob', 'gebdat'],
  },
  {
    kind: 'name',
    stems: ['firstname', 'lastname', 'surname', 'fullname', 'givenname', 'familyname', 'vorname', 'nachname', 'familienname', 'kundenname', 'prenom', 'apellido', 'cognome', 'voornaam', 'achternaam', 'contactname', 'customername', 'employeename', 'personname', 'ansprechpartner'],
    words: ['name', 'nom', 'nombre', 'nome', 'naam'],
  },
  {
    kind: 'address',
    stems: ['address', 'adresse', 'direccion', 'indirizzo', 'street', 'strasse', 'postleitzahl', 'zipcode', 'postcode', 'postalcode', 'codepostal', 'codigopostal', 'hausnummer', 'wohnort', 'straat', 'housenumber'],
    words: ['adres', 'zip', 'plz', 'rue', 'calle'],
  },
];

// "Name" alone is a person's name only when nothing says it names a thing (product, file …).
const THING_WORDS = new Set(['product', 'produkt', 'produit', 'producto', 'prodotto', 'file', 'datei', 'company', 'firma', 'firmen', 'unternehmen', 'brand', 'marke', 'campaign', 'kampagne', 'project', 'projekt', 'sheet', 'item', 'artikel', 'article', 'city', 'stadt', 'ville', 'country', 'land', 'pays', 'region', 'shop', 'store', 'filiale', 'bank', 'vendor', 'lieferant', 'supplier', 'account', 'konto', 'team', 'abteilung', 'department', 'category', 'kategorie', 'event', 'domain', 'host', 'server', 'table', 'tabelle', 'column', 'spalte', 'field', 'feld', 'channel', 'kanal', 'street', 'strasse']);

const KIND_WORDS: Record<PersonalKind, string> = {
  email: 'e-mail addresses',
  phone: 'telephone numbers',
  iban: 'bank account numbers (IBAN)',
  card: 'payment card numbers',
  name: "people's names",
  address: 'postal addresses',
  birthdate: 'dates of birth',
  'id-number': 'personal identity or tax numbers',
};

/** Bank and card numbers are marked sensitive: a leak directly enables fraud. */
const LEVEL: Record<PersonalKind, PersonalData> = {
  email: 'personal', phone: 'personal', name: 'personal', address: 'personal', birthdate: 'personal',
  iban: 'sensitive', card: 'sensitive', 'id-number': 'sensitive',
};

/** Lower-case words of a header: accents folded, camelCase split ("firstName" → first name). */
function headerWords(header: string): string[] {
  const split = header.replace(/([a-z])([A-Z])/g, '$1 $2');
  return foldAccents(split).split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

export function kindFromName(header: string): PersonalKind | undefined {
  if (header.length > 200) header = header.slice(0, 200);
  const words = headerWords(header);
  if (words.length === 0) return undefined;
  const compact = words.join('');
  for (const rule of NAME_RULES) {
    const byStem = rule.stems.some((s) => compact.includes(s));
    const byWord = rule.words.some((w) => words.includes(w));
    if (!byStem && !byWord) continue;
    if (rule.kind === 'name' && !byStem && words.some((w) => THING_WORDS.has(w))) continue;
    return rule.kind;
  }
  return undefined;
}

const VALUE_TESTS: { kind: PersonalKind; test: (v: string) => boolean }[] = [
  { kind: 'email', test: isEmail },
  { kind: 'iban', test: isIban },
  { kind: 'card', test: isCardNumber },
  { kind: 'phone', test: isPhone },
];

/** Kind that at least half of the non-empty sample values (and at least one) show. */
export function kindFromValues(values: readonly string[]): { kind: PersonalKind; example: string } | undefined {
  const filled = values.filter((v) => v.trim() !== '').slice(0, 1000);
  if (filled.length === 0) return undefined;
  for (const { kind, test } of VALUE_TESTS) {
    const hits = filled.filter(test);
    if (hits.length > 0 && hits.length * 2 >= filled.length) return { kind, example: hits[0]! };
  }
  return undefined;
}

/** Shows enough of a bank or card number to recognise it, never the whole number. */
function maskExample(kind: PersonalKind, value: string): string {
  const v = value.trim();
  if (kind !== 'iban' && kind !== 'card') return v.length > 60 ? `${v.slice(0, 59)}…` : v;
  const compact = v.replace(/[ -]/g, '');
  return `${compact.slice(0, 4)} … ${compact.slice(-4)}`;
}

function columnLabel(c: PersonalColumnInput): string {
  const shown = c.header !== undefined && c.header !== '' ? c.header : c.name;
  return c.letter ? `Column ${c.letter} '${shown}'` : `Column '${shown}'`;
}

export function suggestPersonalData(columns: readonly PersonalColumnInput[]): PersonalSuggestion[] {
  const out: PersonalSuggestion[] = [];
  for (const c of columns) {
    const label = columnLabel(c);
    // Values are stronger evidence than a name, so they win when both speak.
    const fromValues = kindFromValues(c.examples);
    if (fromValues) {
      const { kind, example } = fromValues;
      out.push({
        column: c.name, kind, suggested: LEVEL[kind], source: 'values',
        reason: `${label} holds ${KIND_WORDS[kind]}, e.g. ${maskExample(kind, example)}. Mark it as ${LEVEL[kind]} data unless these are not about people.`,
      });
      continue;
    }
    const kind = kindFromName(c.header !== undefined && c.header !== '' ? c.header : c.name);
    if (kind) {
      out.push({
        column: c.name, kind, suggested: LEVEL[kind], source: 'name',
        reason: `${label} looks, by its name, like it holds ${KIND_WORDS[kind]}. Mark it as ${LEVEL[kind]} data, or as "none" if it is not about people.`,
      });
    }
  }
  return out;
}

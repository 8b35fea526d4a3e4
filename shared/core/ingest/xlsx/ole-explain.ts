// Runs anywhere (pure core).
// Files starting with D0 CF 11 E0 are OLE2 "compound files", not zips. Two very different
// situations hide behind that signature when someone picks an Excel file:
//  - a password-protected .xlsx: Excel encrypts the whole workbook and wraps it in a compound
//    file with the streams "EncryptionInfo" and "EncryptedPackage";
//  - an old Excel 97–2003 .xls (stream "Workbook", or "Book" for Excel 5/95).
// We read just enough of the compound file's directory (its list of stream names) to tell
// which, with every loop bounded so a crafted header cannot make us spin.

import { UserFacingError } from '../../result';
import type { ByteSource } from '../types';

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const MAX_DIR_SECTORS = 4096;
const MAX_DIFAT_SECTORS = 4096;
const END_OF_CHAIN = 0xfffffffe;

export function hasOleSignature(head: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => head[i] === b);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** Stream and storage names in the compound file's directory; throws when the structure is garbled. */
async function directoryNames(src: ByteSource): Promise<Set<string>> {
  const header = await src.read(0, 512);
  if (header.length < 512) throw new Error('short header');
  const shift = header[0x1e]! | (header[0x1f]! << 8);
  if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  const readSector = async (n: number): Promise<Uint8Array> => {
    const at = sectorAt(n);
    if (n >= 0xfffffffa || at + sectorSize > src.size) throw new Error('sector outside file');
    return src.read(at, sectorSize);
  };

  // The DIFAT lists the sectors of the FAT: 109 entries in the header, the rest chained.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(header, 0x4c + i * 4));
  let difat = u32(header, 0x44);
  const seen = new Set<number>();
  for (let k = 0; difat < 0xfffffffa && k < MAX_DIFAT_SECTORS; k++) {
    if (seen.has(difat)) throw new Error('DIFAT loop');
    seen.add(difat);
    const s = await readSector(difat);
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(u32(s, i * 4));
    difat = u32(s, (perSector - 1) * 4);
  }
  const fatCache = new Map<number, Uint8Array>();
  const nextSector = async (n: number): Promise<number> => {
    const which = Math.floor(n / perSector);
    const fatSector = fatSectors[which];
    if (fatSector === undefined || fatSector >= 0xfffffffa) throw new Error('FAT entry missing');
    let fat = fatCache.get(fatSector);
    if (!fat) {
      fat = await readSector(fatSector);
      if (fatCache.size < 64) fatCache.set(fatSector, fat);
    }
    return u32(fat, (n % perSector) * 4);
  };

  const names = new Set<string>();
  let dir = u32(header, 0x30);
  const visited = new Set<number>();
  for (let k = 0; dir !== END_OF_CHAIN && k < MAX_DIR_SECTORS; k++) {
    if (visited.has(dir)) throw new Error('directory loop');
    visited.add(dir);
    const s = await readSector(dir);
    for (let e = 0; e + 128 <= s.length; e += 128) {
      const type = s[e + 0x42];
      const nameBytes = s[e + 0x40]! | (s[e + 0x41]! << 8);
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      // Length in bytes includes the terminating UTF-16 NUL.
      const chars = (nameBytes >> 1) - 1;
      let name = '';
      for (let c = 0; c < chars; c++) name += String.fromCharCode(s[e + 2 * c]! | (s[e + 2 * c + 1]! << 8));
      names.add(name);
    }
    dir = await nextSector(dir);
  }
  return names;
}

const PASSWORD = (): UserFacingError => new UserFacingError(
  'xlsx.password-protected',
  'This workbook is protected with a password to open, so Mesh Desk cannot read it. Open it in Excel with the password, ' +
    'remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear the password and click OK), save, and try again. ' +
    'If you may not remove the password, save a copy without it for publishing.',
);

const OLD_XLS = (): UserFacingError => new UserFacingError(
  'xlsx.old-excel-format',
  'This is an old-style Excel 97–2003 workbook (.xls), a format Mesh Desk does not read. Open it in Excel and use ' +
    'File › Save As › "Excel Workbook (*.xlsx)" (or "CSV UTF-8"), then use the new file. ' +
    'If Excel asks for a password when opening it, remove the password before saving.',
);

function otherOffice(kind: string): UserFacingError {
  return new UserFacingError(
    'xlsx.not-a-workbook',
    `This is ${kind}, not an Excel workbook, so it has no sheets to read. If it holds a table, copy it into Excel, save as .xlsx or CSV, and use that file.`,
  );
}

const UNKNOWN_OLE = (): UserFacingError => new UserFacingError(
  'xlsx.old-office-format',
  'This is an older-style Microsoft Office file (or a password-protected one) that Mesh Desk cannot read. ' +
    'Open it in Excel; if it asks for a password, enter it and remove the password (File › Info › Protect Workbook). ' +
    'Then use File › Save As › "Excel Workbook (*.xlsx)" (or CSV) and use the new file.',
);

/** Explains why an OLE2 compound file cannot be read, in the owner's words. Never throws. */
export async function explainOle(bytes: ByteSource): Promise<UserFacingError> {
  let names: Set<string>;
  try {
    if (!hasOleSignature(await bytes.read(0, 8))) return UNKNOWN_OLE();
    names = await directoryNames(bytes);
  } catch {
    return UNKNOWN_OLE();
  }
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return PASSWORD();
  if (names.has('Workbook') || names.has('Book') || names.has('WORKBOOK') || names.has('BOOK')) return OLD_XLS();
  if (names.has('WordDocument')) return otherOffice('an old-style Word document (.doc)');
  if (names.has('PowerPoint Document')) return otherOffice('an old-style PowerPoint presentation (.ppt)');
  if (names.has('__substg1.0_0037001F') || [...names].some((n) => n.startsWith('__substg1.0_'))) return otherOffice('an Outlook message (.msg)');
  return UNKNOWN_OLE();
}

// Node only (tests). A minimal OLE2 compound file (512-byte sectors): header, one FAT sector,
// one directory sector with the given stream names. Enough for explainOle to read the names,
// the same way it reads them from a real .xls or a password-protected .xlsx.

export function buildOle(streamNames: string[]): Uint8Array {
  const sector = 512;
  const file = new Uint8Array(sector * 3); // header + FAT (sector 0) + directory (sector 1)
  const view = new DataView(file.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (file[i] = b));
  view.setUint16(0x18, 0x3e, true); // minor version
  view.setUint16(0x1a, 3, true); // major version 3 → 512-byte sectors
  view.setUint16(0x1c, 0xfffe, true); // little-endian marker
  view.setUint16(0x1e, 9, true); // sector shift
  view.setUint16(0x20, 6, true); // mini sector shift
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x38, 0x1000, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT chain
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT: sector 0 is the FAT itself, sector 1 (directory) ends its chain.
  const fat = sector;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, 0xfffffffe, true);
  const names = ['Root Entry', ...streamNames].slice(0, 4);
  names.forEach((name, k) => {
    const at = sector * 2 + k * 128;
    for (let c = 0; c < name.length; c++) view.setUint16(at + c * 2, name.charCodeAt(c), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    file[at + 0x42] = k === 0 ? 5 : 2; // root storage, then streams
    view.setUint32(at + 0x44, 0xffffffff, true);
    view.setUint32(at + 0x48, 0xffffffff, true);
    view.setUint32(at + 0x4c, k === 0 && names.length > 1 ? 1 : 0xffffffff, true);
  });
  return file;
}

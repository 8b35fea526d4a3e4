// Runs anywhere (pure core).
// Two rules Excel applies to cell text in its XML, so we read what the owner saw:
//  - without xml:space="preserve", leading and trailing XML white space is dropped (Excel
//    writes "preserve" whenever the spaces matter);
//  - characters XML cannot carry (most control characters) are escaped as _xHHHH_, and a
//    literal "_x" sequence is protected as _x005F_x…

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

export function unescapeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export function trimXmlSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isXmlSpace(s.charCodeAt(a))) a++;
  while (b > a && isXmlSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

// Node only (bench tooling).
// Peak resident memory of this process, for a child that measured exactly one thing. VmHWM
// (the kernel's high-water mark) catches short spikes a sampler would miss; resourceUsage()
// is the portable fallback where /proc does not exist.

import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (match?.[1]) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

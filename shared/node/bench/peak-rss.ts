// Node only (bench tooling).
// Peak resident memory of this process, for a child that measured exactly one thing. VmHWM
// (the kernel's high-water mark) catches short spikes a sampler would miss; resourceUsage()
// is the portable fallback where /proc does not exist.

import { readFileSync, writeFileSync } from 'node:fs';

/** The highest peak seen before the last resetPeakRss(), so the process's own peak is never lost. */
let carried = 0;

function currentPeakMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (match?.[1]) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** The process's peak resident memory since it started (MB). */
export function peakRssMb(): number {
  return Math.max(carried, currentPeakMb());
}

/**
 * Starts a new high-water mark, so one phase of a measurement (the publish write pass after
 * its check pass) gets its own peak. Linux only (`/proc/self/clear_refs`, value 5); returns
 * false where the kernel does not allow it, and then peakRssSinceResetMb() is the whole peak.
 */
export function resetPeakRss(): boolean {
  carried = peakRssMb();
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak resident memory since the last resetPeakRss() (MB). */
export function peakRssSinceResetMb(): number {
  return currentPeakMb();
}

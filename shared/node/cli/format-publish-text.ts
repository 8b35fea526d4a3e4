// Node only. The publish command's words on a terminal.

import type { PublishPlan } from '../../core/publish/prepare';
import type { PublishOutcome } from '../../core/publish/run';
import type { Bump } from '../../core/publish/version-history';

const n = (x: number) => x.toLocaleString('en-US');

export function formatProposal(plan: PublishPlan, ownerBump: Bump | undefined): string {
  const d = plan.decision;
  const lines = [
    plan.current ? `${plan.product}: now v${plan.current.version}; rules give v${d.version} (${d.reason})` : `${plan.product}: new product, first version v${d.version}`,
  ];
  if (ownerBump) lines.push(`  you asked for a ${ownerBump} version`);
  for (const c of d.changes) lines.push(`  - ${c.text} (${c.level})`);
  lines.push(`  rules: ${plan.policySource === 'mesh' ? "the mesh's _governance/policy.yaml" : 'Mesh Desk built-in'}; up to ${n(plan.policy.partRows)} rows per data part`);
  return `${lines.join('\n')}\n`;
}

export function formatPublished(o: PublishOutcome): string {
  const mb = (o.bytes / 1048576).toFixed(1);
  const lines = [
    `Published ${o.product} v${o.version}: ${n(o.rows)} rows in ${n(o.parts)} data part${o.parts === 1 ? '' : 's'} (${mb} MB).`,
    `  address: ${o.address}`,
  ];
  if (o.cleanedUp > 0) lines.push(`  removed ${n(o.cleanedUp)} file(s) left by an earlier interrupted publish`);
  if (!o.catalogUpdated) lines.push('  the catalog could not be updated now; it is rebuilt the next time someone lists the mesh');
  return `${lines.join('\n')}\n`;
}

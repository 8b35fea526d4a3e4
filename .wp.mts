// scratch: write pass CPU cost to a discarding store
import { openFileByteSource } from './shared/node/files/file-byte-source';
import { preparePublish } from './shared/core/publish/prepare';
import { runPublish } from './shared/core/publish/run';
import { createFileStore } from './shared/node/mesh/file-store';
import { standardValidators } from './shared/node/publish/publish-file';
import { PUBLISH_META } from './shared/node/bench/publish-meta';
import { mkdtempSync } from 'node:fs';
const file = '.bench/orders-1000000.csv';
const root = mkdtempSync('/tmp/wp-');
const real = createFileStore(root);
const partRows = Number(process.argv[2] ?? 1000);
let size = 0;
const store = { ...real, async put(key: string, body: any, o: any) { if (key.includes('datapart')) { if (!(body instanceof Uint8Array)) for await (const c of body) size += c.length; else size += body.length; return { etag: 'x' }; } return real.put(key, body, o); } };
if (partRows !== 1000) { const { policyToYaml } = await import('./shared/core/policy/policy-yaml'); const { DEFAULT_POLICY } = await import('./shared/core/policy/types'); await real.put('_governance/policy.yaml', new TextEncoder().encode(policyToYaml({ ...DEFAULT_POLICY, partRows }))); }
const bytes = await openFileByteSource(file, 'orders.csv');
let t = performance.now();
const plan = await preparePublish({ store, bytes, fileName: 'orders.csv', sheets: [{}], meta: PUBLISH_META, now: Date.now });
if (!plan.ok) throw new Error(plan.error.message);
console.log('enc', plan.value.report.encoding, JSON.stringify(plan.value.report.delimiter), plan.value.report.format); console.log('prepare', ((performance.now() - t) / 1000).toFixed(2), 's', 'rss', Math.round(process.memoryUsage().rss / 1e6));
const v = await standardValidators();
t = performance.now();
const r = await runPublish({ store, location: { kind: 'file', path: root }, plan: plan.value, bytes, publishId: 'x', validators: v, now: Date.now });
if (!r.ok) throw new Error(r.error.message);
const s = (performance.now() - t) / 1000;
console.log('write', s.toFixed(2), 's', (137.8 / s).toFixed(1), 'MB/s', r.value.parts, 'parts', size, 'bytes', 'rss', Math.round(process.memoryUsage().rss / 1e6));

// Node only (test child process). Publishes one file to a mesh the way the CLI does, so the
// parent can kill it at a chosen moment. Args: <mesh url> <file> <meta json>; S3 keys from env.

import { prepareFilePublish, runFilePublish } from '../../../shared/node/publish/publish-file';

const [url, file, metaJson] = process.argv.slice(2);
const creds = process.env.TEST_S3_KEY ? { credentials: { accessKeyId: process.env.TEST_S3_KEY, secretAccessKey: process.env.TEST_S3_SECRET ?? '' } } : {};
const mesh = { url: url!, options: creds };
const plan = await prepareFilePublish({ mesh, path: file!, fileName: file!.split('/').pop()!, sheets: [{}], meta: JSON.parse(metaJson!) });
if (!plan.ok) {
  process.stdout.write(`prepare failed: ${plan.error.message}\n`);
  process.exit(2);
}
process.stdout.write('prepared\n');
// One part at a time, so the parent sees the publish half-way.
const out = await runFilePublish({ mesh, path: file!, plan: plan.value, partConcurrency: 1 });
process.stdout.write(out.ok ? `published ${out.value.version}\n` : `failed: ${out.error.message}\n`);

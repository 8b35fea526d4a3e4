// Node only (bench tooling).
// Plain S3 calls the publish bench makes around the timed work: a fresh bucket per run (so no
// run sees another's objects or claims), and emptying it afterwards (moto keeps every object
// in its own memory; ten publishes of 135 MB would otherwise pile up in the one server).

import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';

/** What every bench client uses, as FIELD-NOTES advises for S3-compatible servers. */
export const BENCH_CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' } as const;
export const BENCH_REGION = 'us-east-1';

export function benchS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: BENCH_REGION,
    credentials: BENCH_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A bucket name no other run has used: S3 rules (3–63 lowercase letters, digits, dashes). */
export function uniqueBucketName(kind: string): string {
  const slug = kind.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30);
  return `bench-${slug}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export async function createBucket(client: S3Client, bucket: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
}

/** Deletes every object, then the bucket. Returns how many objects it removed. */
export async function deleteBucket(client: S3Client, bucket: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
    const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
    if (keys.length === 0) break;
    await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }));
    removed += keys.length;
  }
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  return removed;
}

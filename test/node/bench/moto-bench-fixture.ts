// Node only. The setup the bench child tests against a real S3 API share: a generated CSV in a
// temp dir and a moto_server, both started before the tests and removed after; plus the bucket
// list, so a test can check a child removed its bucket. Skipped where moto_server is missing.

import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { motoSkipReason, startMotoServer, type MotoServer } from '../../harness/moto-server';
import { benchS3Client } from '../../../shared/node/bench/bench-s3';
import { writeBenchCsv } from '../../../shared/node/bench/csv-generator';

export interface MotoBench {
  /** Why the tests are skipped (moto_server not installed), or null. */
  skip: string | null;
  /** The generated CSV (valid once beforeAll has run). */
  readonly csv: string;
  /** moto_server's endpoint (valid once beforeAll has run). */
  readonly endpoint: string;
  /** The names of the buckets moto_server holds now. */
  buckets(): Promise<string[]>;
}

/** Registers the beforeAll/afterAll hooks; call at the top of a test file. */
export function useMotoBench(tempPrefix: string, rows: number): MotoBench {
  const skip = motoSkipReason();
  let dir = '';
  let csv = '';
  let moto: MotoServer | undefined;

  beforeAll(async () => {
    if (skip) return;
    dir = await mkdtemp(join(tmpdir(), tempPrefix));
    csv = join(dir, 'orders.csv');
    await writeBenchCsv(csv, rows, false);
    moto = await startMotoServer();
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  return {
    skip,
    get csv() {
      return csv;
    },
    get endpoint() {
      return moto!.endpoint;
    },
    async buckets() {
      const out = await benchS3Client(moto!.endpoint).send(new ListBucketsCommand({}));
      return (out.Buckets ?? []).map((b) => b.Name ?? '');
    },
  };
}

// Node only.
// Child process for the file-store tests: a second (and third) writer in another process, so
// the lock and the create-if-absent step are tested against real concurrency, and a writer
// that the test kills mid-write. Run with `node --import tsx file-store-child.ts <mode> <root>`.

import { createInterface } from 'node:readline';
import { createFileStore } from '../../../shared/node/mesh/file-store';
import { MeshError } from '../../../shared/core/mesh/mesh-store';

const [mode, root, arg] = process.argv.slice(2);
if (!mode || !root) throw new Error('usage: <race|big> <root> [round]');
const store = createFileStore(root, { lockStaleMs: 500 });

async function race(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const line of lines) {
    const [op, round, etag] = line.split(' ');
    const body = new TextEncoder().encode(`name: r${round}\nwriter: ${process.pid}\nstep: ${op}\n`);
    try {
      const condition = op === 'create' ? { ifNoneMatch: '*' as const } : { ifMatch: etag ?? '' };
      await store.put(`r${round}/product.yaml`, body, { condition });
      process.stdout.write(`${round} won ${process.pid}\n`);
    } catch (e) {
      const code = e instanceof MeshError ? e.code : String(e);
      process.stdout.write(`${round} ${code === 'mesh.precondition-failed' ? 'lost' : `error ${code}`} ${process.pid}\n`);
    }
  }
}

/** 32 MiB in 64 KiB chunks, every byte the same value, so a torn file is easy to spot. */
async function big(): Promise<void> {
  const value = Number(arg);
  async function* chunks() {
    const chunk = new Uint8Array(64 * 1024).fill(value);
    for (let i = 0; i < 512; i++) yield chunk;
  }
  let announced = false;
  await store.put('data/part.bin', chunks(), {
    onProgress: () => {
      if (!announced) { announced = true; process.stdout.write('writing\n'); }
    },
  });
  process.stdout.write('done\n');
}

await (mode === 'race' ? race() : big());

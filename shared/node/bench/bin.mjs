#!/usr/bin/env node
// Node only (bench tooling). `npm run bench`: registers the TypeScript loader, then runs the bench.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));

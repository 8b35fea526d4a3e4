// Node only (bench tooling). Entry of one measurement child: registers the TypeScript loader
// (the same way the CLI does, so the figures include what a real run pays), then measures.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./child-main.ts');
process.exitCode = await main(process.argv.slice(2));

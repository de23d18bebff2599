// Worker threads do not inherit the tsx CLI's TypeScript loader (nor take --import in their execArgv on Node 20), so
// the parallel jobs start from this plain module, which loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./piece-worker.ts', import.meta.url);

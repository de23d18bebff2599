import { z } from 'zod';

// zod compiles a fast object parser with `new Function` and, to find out whether it may, tries one when a schema is
// built. The page's Content-Security-Policy forbids eval, so that probe is a reported violation in the page and in
// every worker. Its slower, eval-free parser gives the same answers. Imported first by each browser entry point
// (main.tsx, the workers): schemas are built when their modules load, so this must run before any of them.
z.config({ jitless: true });

import * as z from 'zod/mini';

// Imported first by the background and every extension page (a side-effect import keeps its place when
// imports are sorted). Those run under a CSP without eval, and zod's object schemas (the full build's)
// decide whether to compile their parser when they are built: they try the Function constructor then,
// which Firefox reports as a CSP violation even though zod catches it. So the choice is made before any
// schema exists in the bundle.
z.config({ jitless: true });

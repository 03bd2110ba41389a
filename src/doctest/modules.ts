/**
 * The module map of this project's examples: what `import ... from 'memattr'` gives. Shared by the
 * Node doc tests (./project.ts) and the page's run worker (src/components/Example/worker.ts).
 */
import * as model from 'memattr';

export const EXAMPLE_MODULES: Readonly<Record<string, unknown>> = { memattr: model };

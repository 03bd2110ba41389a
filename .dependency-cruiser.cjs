/**
 * The model's layers, checked by `npm run lint` (dependency-cruiser). DESIGN.md draws the flow
 *
 *   arm64 <- linux <- vmm/bus <- scenario/x86/riscv <- compare/claims <- index.ts <- everything else
 *
 * and this file places the plumbing in it:
 * - `result.ts` and `input.ts` sit at the bottom: every layer may use them, they use nothing above.
 * - `cross-arch.ts` sits beside `linux` (the vocabulary the x86/RISC-V comparison shares with it).
 * - `operations.ts` sits beside `index.ts` (the batch table of the public API).
 * A layer imports only layers below it; siblings (vmm/bus, scenario/x86/riscv, compare/claims) do not
 * import each other. Outside src/model, code reaches the model only through src/model/index.ts; the
 * model imports nothing from outside itself (no npm packages, no Node built-ins). Tests of the model's
 * internals (test/unit, test/property, test/robustness) may import the module they test.
 * Type-only imports count: a cycle through `import type` is still a cycle.
 */

/** Rank of each model layer: a module may import only modules of a lower rank (or its own folder). */
const LAYERS = [
  ['plumbing', 0, '^src/model/(result|input)\\.ts$'],
  ['arm64', 1, '^src/model/arm64/'],
  ['linux', 2, '^src/model/(linux/|cross-arch\\.ts$)'],
  ['vmm', 3, '^src/model/vmm/'],
  ['bus', 3, '^src/model/bus/'],
  ['scenario', 4, '^src/model/scenario/'],
  ['x86', 4, '^src/model/x86/'],
  ['riscv', 4, '^src/model/riscv/'],
  ['compare', 5, '^src/model/compare/'],
  ['claims', 5, '^src/model/claims/'],
  ['api', 6, '^src/model/(index|operations)\\.ts$'],
];

const layerRules = LAYERS.map(([name, rank, path]) => {
  const notAllowed = LAYERS.filter(([other, r]) => other !== name && r >= rank).map(([, , p]) => `(${p})`);
  return {
    name: `layer-${name}`,
    severity: 'error',
    comment: `src/model ${name} (rank ${rank}) may import only lower layers (DESIGN.md's one-way flow)`,
    from: { path },
    to: { path: notAllowed.join('|') },
  };
}).filter((rule) => rule.to.path !== '');

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles anywhere in src (type-only imports included).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'model-is-pure',
      severity: 'error',
      comment: 'src/model imports only src/model: no npm packages, no Node built-ins, nothing of the site or CLI.',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/' },
    },
    {
      name: 'model-through-index',
      severity: 'error',
      comment: 'Outside src/model, the model is reached only through src/model/index.ts (its public API).',
      from: { pathNot: '^(src/model/|test/(unit|property|robustness)/)' },
      to: { path: '^src/model/', pathNot: '^src/model/index\\.ts$' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|build|\\.docusaurus|test/fixtures/layers)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

/**
 * Folder boundaries (docs/adr/0001-stack.md): the dependency direction is
 * model/standards ← platform ← governance/finance/hub/analytics ← api ← app/cli.
 * Connectors see only the model and the connector contract. Kysely is used only inside the store.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'model-is-pure',
      comment: 'The canonical model and CN standards depend on nothing of ours but each other.',
      severity: 'error',
      from: { path: '^src/(model|standards)/' },
      to: { path: '^src/(?!model/|standards/)' },
    },
    {
      name: 'platform-below-domain',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(governance|finance|hub|analytics|connectors|api|cli|demo)/|^src/app\\.ts$' },
    },
    {
      name: 'nothing-imports-api-or-cli',
      comment: 'Only the composition root (src/app.ts) and the CLI wire routes together.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(api|cli)/|^src/app\\.ts$' },
      to: { path: '^src/(api|cli)/' },
    },
    {
      name: 'nothing-imports-the-composition-root',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/app\\.ts$' },
    },
    {
      name: 'modules-are-installed-by-the-roots',
      comment:
        'src/modules.ts wires connectors and outcome subscriptions; only src/app.ts and the CLI call it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli/|app\\.ts$)' },
      to: { path: '^src/modules\\.ts$' },
    },
    {
      name: 'the-hub-knows-no-module',
      comment:
        'Finance, governance and analytics plug into the hub through what the composition root installs (outcome subscriptions, src/hub/gates.ts, change appliers); the hub imports none of them.',
      severity: 'error',
      from: { path: '^src/hub/' },
      to: { path: '^src/(governance|finance|analytics)/' },
    },
    {
      name: 'connectors-see-model-and-contract-only',
      severity: 'error',
      from: { path: '^src/connectors/' },
      to: { path: '^src/', pathNot: '^src/(connectors|model|standards)/' },
    },
    {
      name: 'connector-folders-stand-alone',
      comment:
        'A connector folder imports no other connector folder; what simulators share is in src/connectors/simulator-kit/.',
      severity: 'error',
      from: { path: '^src/connectors/([^/]+)/', pathNot: '^src/connectors/simulator-kit/[^/]+\\.test\\.ts$' },
      to: { path: '^src/connectors/[^/]+/', pathNot: '^src/connectors/($1|simulator-kit)/' },
    },
    {
      name: 'the-simulator-kit-stays-small',
      comment:
        "The simulator kit sees only the connector contract and the model (its tests also try each ERP's own fault keys).",
      severity: 'error',
      from: { path: '^src/connectors/simulator-kit/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^src/',
        pathNot: '^src/connectors/(simulator-kit/|contract\\.ts$)|^src/(model|standards)/',
      },
    },
    {
      name: 'only-simulators-use-the-kit',
      comment: "A connector's own code (client, map, errors, definition) does without the simulator kit.",
      severity: 'error',
      from: {
        path: '^src/connectors/',
        pathNot: '^src/connectors/([^/]+/simulator/|simulator-kit/|simulator-admin\\.ts$)',
      },
      to: { path: '^src/connectors/simulator-kit/' },
    },
    {
      name: 'no-module-knows-an-erp',
      comment:
        'Outside src/connectors/ an ERP is reached through its definition, found by connection type in the hub registry (ADR 0013).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/connectors/' },
      to: { path: '^src/connectors/[^/]+/' },
    },
    {
      name: 'the-connector-list-is-for-composition-roots',
      comment:
        'Only the composition roots (src/app.ts, src/modules.ts, the CLI) install the shipped connectors; everything else asks the registry.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli/|app\\.ts$|modules\\.ts$|connectors/)' },
      to: { path: '^src/connectors/index\\.ts$' },
    },
    {
      name: 'kysely-stays-in-the-store',
      comment: 'Application code reaches data through TenantDb; only type imports of kysely elsewhere.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/platform/store/' },
      to: { path: 'node_modules/kysely/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};

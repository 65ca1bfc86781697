import { Type } from 'typebox';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { needs } from '../../platform/http/policy.ts';
import type { App } from '../../platform/http/server.ts';
import { createKeyring, loadMasterKeys } from '../../platform/security/keyring.ts';
import { masterKeyStatus, rotateMasterKey } from '../../platform/security/master-key-rotation.ts';
import { listSigningKeys, rotateSigningKey } from '../../platform/security/signing-keys.ts';
import type { ApiContext } from '../context.ts';
import { problems } from '../shared.ts';
import { resolveTenant } from '../tenant.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const SigningKeySchema = Type.Object({
  kid: Type.String(),
  alg: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retiring'), Type.Literal('retired')]),
  createdAt: Type.String({ format: 'date-time' }),
  retiredAt: Nullable(Type.String({ format: 'date-time' })),
});

const KeysSchema = Type.Object({
  asOf: Type.String({ format: 'date-time', description: 'The server’s time: ages are counted to it.' }),
  signing: Type.Object({
    keys: Type.Array(SigningKeySchema, { description: 'Newest first; the private halves never leave.' }),
    tokenTtlSeconds: Type.Integer({
      description: 'A retiring key keeps verifying for this long after a rotation.',
    }),
  }),
  master: Type.Object({
    mode: Type.Union([Type.Literal('key-file'), Type.Literal('environment')]),
    primaryId: Type.String({ description: 'Id (a hash prefix, never the key) of the key that seals.' }),
    previousIds: Type.Array(Type.String()),
    writtenAt: Nullable(Type.String({ format: 'date-time' })),
    sealed: Type.Array(Type.Object({ keyId: Type.String(), values: Type.Integer() }), {
      description: 'How many stored secrets each key seals.',
    }),
  }),
});

/**
 * The keys every company shares, for the installation's operators (platform:admin): the JWT signing
 * keys and the master key that seals every stored secret — their ids and ages, and rotation of each.
 * Rotations are recorded in the operator's audit trail; no key material is ever returned.
 */
export function registerKeyRoutes(app: App, ctx: ApiContext): void {
  const tags = ['keys'];
  const policy = needs('platform:admin');
  // one rotation at a time in this process: a second click waits for the first
  let rotating: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = rotating.then(work, work);
    rotating = next.catch(() => undefined);
    return next;
  };

  app.get(
    '/api/v1/keys',
    {
      config: { policy },
      schema: {
        operationId: 'listKeys',
        summary: 'Signing keys and the master key: ids, ages, and what the master key seals',
        tags,
        response: { 200: KeysSchema, ...problems(400) },
      },
    },
    async () => ({
      asOf: ctx.clock.now().toISOString(),
      signing: {
        keys: await listSigningKeys(ctx.database),
        tokenTtlSeconds: ctx.config.security.tokenTtlSeconds,
      },
      master: await masterKeyStatus(ctx.database, ctx.security.masterKeys, ctx.security.keyring),
    }),
  );

  app.post(
    '/api/v1/keys/signing::rotate',
    {
      config: { policy },
      schema: {
        operationId: 'rotateSigningKey',
        summary: 'Start signing tokens with a new key; the old one keeps verifying until its tokens expire',
        tags,
        response: {
          200: Type.Object({ kid: Type.String(), retiring: Type.Array(Type.String()) }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      return serially(async () => {
        const kid = await rotateSigningKey(
          ctx.database,
          ctx.security.keyring,
          ctx.clock,
          ctx.config.security.tokenTtlSeconds,
          {
            tenantId: tenant.company.id,
            actor: tenant.principal.id,
            requestId: request.id,
            audit: ctx.security.audit,
          },
        );
        await ctx.security.tokens.reload();
        const retiring = (await listSigningKeys(ctx.database))
          .filter((k) => k.status === 'retiring')
          .map((k) => k.kid);
        return { kid, retiring };
      });
    },
  );

  app.post(
    '/api/v1/keys/master::rotate',
    {
      config: { policy },
      schema: {
        operationId: 'rotateMasterKey',
        summary:
          'Rotate the master key: every stored secret is re-sealed in one transaction and stays readable',
        description:
          'Key-file mode: a new key is written first (older keys kept while anything still uses them), then every ' +
          'sealed value is re-sealed; this process seals with the new key at once, other processes after a restart. ' +
          'Environment mode: values are re-sealed from FINBRIDGE_MASTER_KEY_PREVIOUS to FINBRIDGE_MASTER_KEY.',
        tags,
        response: {
          200: Type.Object({
            mode: Type.Union([Type.Literal('key-file'), Type.Literal('environment')]),
            newKeyId: Type.String(),
            signingKeys: Type.Integer(),
            platformSecrets: Type.Integer(),
            secrets: Type.Integer(),
          }),
          ...problems(400),
        },
      },
    },
    async (request) => {
      const tenant = await resolveTenant(ctx, request);
      return serially(async () => {
        const before = ctx.security.keyring.primaryId;
        const report = await rotateMasterKey(ctx.database, ctx.security.masterKeys, ctx.clock);
        const keys = loadMasterKeys(ctx.security.masterKeys);
        ctx.security.keyring.replace(createKeyring(keys.primary, keys.previous));
        await appendAudit(tenant.db, ctx.security.audit, [
          {
            actor: tenant.principal.id,
            action: 'rotate',
            entityType: 'master_key',
            entityId: report.newKeyId,
            before: { primaryId: before },
            after: report,
            requestId: request.id,
          },
        ]);
        return report;
      });
    },
  );
}

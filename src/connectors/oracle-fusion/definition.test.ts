import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../model/validate.ts';
import { ORACLE_FUSION } from './definition.ts';
import { DEFAULT_ORACLE_SETTINGS } from './map/profile.ts';
import { startOracleSimulator } from './simulator/server.ts';

const MASTER = { accounts: [], departments: [], employees: [], suppliers: [] };

describe('Oracle Fusion definition', () => {
  it('asks for the trusted issuer when the connection signs in with a JWT, and only then', () => {
    assert.ok(ORACLE_FUSION.checkSettings !== undefined);
    const checkSettings = (settings: Record<string, unknown>) => ORACLE_FUSION.checkSettings?.(settings);
    assert.deepEqual(checkSettings({ authKind: 'jwt-bearer' }), [
      { pointer: '/jwtIssuer', message: 'jwt-bearer needs the trusted issuer name (jwtIssuer)' },
    ]);
    assert.deepEqual(checkSettings({ authKind: 'jwt-bearer', jwtIssuer: 'fb' }), []);
    assert.deepEqual(checkSettings({}), []);
  });

  it('refuses settings a pod cannot take: an old framework version, unknown fields', () => {
    assert.notDeepEqual(check(ORACLE_FUSION.settings, { restFrameworkVersion: '1' }), []);
    assert.notDeepEqual(check(ORACLE_FUSION.settings, { tenant: 'x' }), []);
    assert.deepEqual(check(ORACLE_FUSION.settings, { authKind: 'basic', restFrameworkVersion: '4' }), []);
  });

  it('accepts the simulator’s connection under its own schemas, and the default profile under the profile schema', async () => {
    const sim = await startOracleSimulator({ master: MASTER, now: () => new Date() });
    try {
      const kind = String(sim.connection.settings['authKind']);
      const schema = ORACLE_FUSION.credentials[kind];
      assert.ok(schema !== undefined, kind);
      assert.deepEqual(check(ORACLE_FUSION.settings, sim.connection.settings), []);
      assert.deepEqual(check(schema, sim.connection.credentials), []);
      assert.notDeepEqual(check(schema, { ...sim.connection.credentials, privateKey: 'not a key' }), []);
    } finally {
      await sim.close();
    }
    assert.deepEqual(check(ORACLE_FUSION.manifest.profileSettings.schema, DEFAULT_ORACLE_SETTINGS), []);
    assert.notDeepEqual(
      check(ORACLE_FUSION.manifest.profileSettings.schema, {
        ...DEFAULT_ORACLE_SETTINGS,
        journalSource: 'a,b',
      }),
      [],
      'a comma would shift the Import Journals parameters',
    );
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ENGINES } from './support/engines.ts';
import { startTestApp, type TestApp } from './support/app.ts';
import { createKeyring, KeyringError, loadMasterKeys } from '../src/platform/security/keyring.ts';
import { rotateMasterKey } from '../src/platform/security/master-key-rotation.ts';
import { masterKeysInUse, readSecret, storeSecret } from '../src/platform/security/secrets.ts';
import { findCompany } from '../src/platform/store/companies.ts';
import { tenantDb } from '../src/platform/store/tenant-scope.ts';

const CLI = new URL('../src/cli/main.ts', import.meta.url).pathname;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'finbridge-keys-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  dirs.forEach((d) => {
    rmSync(d, { recursive: true, force: true });
  });
});

describe('keyring (AES-256-GCM)', () => {
  it('opens what it sealed, only in the same context, and detects tampering', () => {
    const keyring = createKeyring(randomBytes(32));
    const sealed = keyring.seal('金蝶 API 密钥 s3cr3t', 'secret:t1:id1:erp');
    assert.ok(!sealed.includes('s3cr3t'));
    assert.notEqual(keyring.seal('x', 'c'), keyring.seal('x', 'c'), 'a fresh IV every time');
    assert.equal(keyring.open(sealed, 'secret:t1:id1:erp'), '金蝶 API 密钥 s3cr3t');
    assert.throws(() => keyring.open(sealed, 'secret:t2:id1:erp'), KeyringError);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    assert.throws(() => keyring.open(parts.join('.'), 'secret:t1:id1:erp'), KeyringError);
    assert.throws(
      () => createKeyring(randomBytes(32)).open(sealed, 'secret:t1:id1:erp'),
      /unknown master key/,
    );
  });

  it('creates the key file with 0600 and refuses one readable by others', () => {
    const file = join(tempDir(), 'master.key');
    const keys = loadMasterKeys({ keyFile: file });
    assert.equal(keys.primary.length, 32);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(loadMasterKeys({ keyFile: file }).primary, keys.primary, 'stable across starts');
    chmodSync(file, 0o644);
    assert.throws(() => loadMasterKeys({ keyFile: file }), /readable by others/);
  });
});

for (const engine of ENGINES) {
  describe(`master-key rotation on ${engine.engine}`, () => {
    let t: TestApp;
    let keyFile: string;
    before(async () => {
      keyFile = join(tempDir(), 'master.key');
      t = await startTestApp(engine, { FINBRIDGE_MASTER_KEY: '', FINBRIDGE_MASTER_KEY_FILE: keyFile });
      await t.provision();
    });
    after(async () => t.close());

    it('re-encrypts every secret under a new key and keeps them readable', async () => {
      const company = await findCompany(t.database, 'ACME');
      const db = tenantDb(t.database.db, company!.id);
      const { keyring } = t.running.context.security;
      const id = await storeSecret(db, keyring, t.clock, 'erp-password', 'kingdee-pa55');
      const before = await masterKeysInUse(t.database, keyring);
      assert.deepEqual([...before], [keyring.primaryId]);

      const report = await rotateMasterKey(t.database, { keyFile }, t.clock);
      assert.equal(report.mode, 'key-file');
      assert.equal(report.secrets, 1);
      assert.ok(report.signingKeys >= 1 && report.platformSecrets >= 1);
      const keys = loadMasterKeys({ keyFile });
      const rotated = createKeyring(keys.primary, keys.previous);
      assert.equal(rotated.primaryId, report.newKeyId);
      assert.notEqual(report.newKeyId, keyring.primaryId);
      assert.deepEqual([...(await masterKeysInUse(t.database, rotated))], [report.newKeyId]);
      assert.equal(
        await readSecret(db, createKeyring(keys.primary), id),
        'kingdee-pa55',
        'readable with the new key alone',
      );
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      assert.equal(
        readFileSync(keyFile, 'utf8').trim().split('\n').length,
        2,
        'the replaced key is kept for processes not yet restarted',
      );
    });
  });
}

describe('finbridge keys rotate (CLI)', () => {
  it('rotates the key file of an embedded installation; the server starts and verifies tokens after', () => {
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, FINBRIDGE_DATA_DIR: dir, LOG_LEVEL: 'silent' };
    delete env['FINBRIDGE_MASTER_KEY'];
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(run('demo').status, 0);
    const first = readFileSync(join(dir, 'master.key'), 'utf8');
    const rotated = run('keys', 'rotate');
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.match(rotated.stdout, /re-encrypted 1 signing keys, 1 platform secrets, 0 company secrets/);
    assert.notEqual(readFileSync(join(dir, 'master.key'), 'utf8'), first);
    const verify = run('audit', 'verify');
    assert.equal(verify.status, 0, verify.stderr + verify.stdout);
    assert.match(verify.stdout, /DEMO: intact/);
    const signing = run('keys', 'rotate-signing');
    assert.equal(signing.status, 0, signing.stderr);
  });
});

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decodeAppIdSecret, loginSign, signedHeaders, verifySignedHeaders } from './signing.ts';

// Golden vectors from the wire-format reference (erp-kingdee-yonyou.md §A2.3 and §A2.4).
const credentials = {
  acctId: '6512f1a0c3e4b5',
  username: 'demo',
  appId: '224466_SzNDbG91ZERlbW9TZWNyZXRLZXkxMjM0',
  appSecret: '0123456789abcdef0123456789abcdef',
  lcid: 2052,
  orgNumber: '100',
};
const PATH = '/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save.common.kdsvc';

it('decodes the client secret hidden in the AppID', () => {
  assert.deepEqual(decodeAppIdSecret(credentials.appId), {
    clientId: '224466',
    clientSecret: 'ewN2WAlGXXMGW11gUVBFXRZ7XBpQBVcH',
  });
});

it('computes the signed headers of the golden vector', () => {
  const headers = signedHeaders(credentials, PATH, '1735689600');
  assert.equal(
    headers['X-Api-Signature'],
    'NDhmNmU3ODBkMjAxM2UzNjRhMzE1MjZlYTM5OTRiNTA3MTVhNTIyMTk3OTMzNzM1YTQxOGQ1YjYxNzQ2OGNmZQ==',
  );
  assert.equal(headers['X-Kd-Appdata'], 'NjUxMmYxYTBjM2U0YjUsZGVtbywyMDUyLDEwMA==');
  assert.equal(
    headers['X-Kd-Signature'],
    'NTVjZWE1NGRmZGQ3Y2I0ZjA4MDI2MzI5OTNiYTAxNmRkOGI0ODJjNmVkNzU2NzVhN2VmZTQ5NzhlMGJjNjU5Nw==',
  );
  assert.equal(headers['X-Api-ClientID'], '224466');
});

it('verifies what it signs and refuses a changed path or secret', () => {
  const lower = Object.fromEntries(
    Object.entries(signedHeaders(credentials, PATH, '1735689600')).map(([k, v]) => [k.toLowerCase(), v]),
  );
  assert.deepEqual(verifySignedHeaders(lower, PATH, credentials), {
    ok: true,
    appData: '6512f1a0c3e4b5,demo,2052,100',
  });
  assert.equal(verifySignedHeaders(lower, PATH.replace('Save', 'Audit'), credentials).ok, false);
  assert.equal(verifySignedHeaders(lower, PATH, { ...credentials, appSecret: 'x' }).ok, false);
});

it('computes the LoginBySign signature of the golden vector', () => {
  assert.equal(
    loginSign(credentials.acctId, 'demo', credentials.appId, credentials.appSecret, '1735689600'),
    'c23a68cab43e126e060d140f210f53076170a4cfd4b1acd094f030a5c70e9203',
  );
});

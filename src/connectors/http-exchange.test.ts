import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { classifyTransport, exchange } from './http-exchange.ts';

// One server, one behaviour per path: what an ERP (or the network in front of it) can do to a call.
const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    switch (request.url) {
      case '/echo':
        response.setHeader('set-cookie', ['kdservice-sessionid=abc; path=/', 'lang=2052']);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ received: body, length: request.headers['content-length'] }));
        return;
      case '/hang':
        return; // never answers
      case '/reset':
        request.socket.destroy(); // took the request, then dropped the connection
        return;
      case '/cut':
        response.writeHead(200, { 'content-length': '1000' });
        response.write('{"partial":');
        setTimeout(() => request.socket.destroy(), 10);
        return;
      default:
        response.statusCode = 404;
        response.end();
    }
  });
});
let base = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, timeoutMs = 2000) =>
  exchange(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 摘要: '差旅费' }),
    timeoutMs,
  });

const failureOf = async (call: Promise<unknown>) => {
  try {
    await call;
  } catch (error) {
    return classifyTransport(error);
  }
  assert.fail('the call should have failed');
};

describe('HTTP exchange with an ERP', () => {
  it('sends the body with its byte length and reads the whole answer and its cookies', async () => {
    const answer = await post('/echo');
    assert.equal(answer.status, 200);
    const echoed = JSON.parse(answer.text) as { received: string; length: string };
    assert.deepEqual(JSON.parse(echoed.received), { 摘要: '差旅费' });
    assert.equal(Number(echoed.length), Buffer.byteLength(echoed.received)); // bytes, not characters
    assert.deepEqual(answer.headers['set-cookie'], ['kdservice-sessionid=abc; path=/', 'lang=2052']);
  });

  it('reuses kept-alive connections across calls', async () => {
    const sockets = new Set<unknown>();
    const count = (socket: unknown) => sockets.add(socket);
    server.on('connection', count);
    try {
      for (let i = 0; i < 5; i++) await post('/echo');
    } finally {
      server.off('connection', count);
    }
    assert.ok(sockets.size <= 1, `${sockets.size} connections for 5 sequential calls`);
  });

  it('gives up at the deadline: the ERP may have the document (ambiguous)', async () => {
    const started = performance.now();
    const failure = await failureOf(post('/hang', 150));
    assert.ok(performance.now() - started < 1500);
    assert.equal(failure.outcome, 'ambiguous');
    assert.equal(failure.code, 'timeout');
  });

  it('a connection dropped after the request, or an answer cut off, is ambiguous', async () => {
    for (const path of ['/reset', '/cut']) {
      const failure = await failureOf(post(path));
      assert.equal(failure.outcome, 'ambiguous', path);
      assert.equal(failure.code, 'ECONNRESET', path);
    }
  });

  it('a refused connection never reached the ERP (transient)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const failure = await failureOf(
      exchange(`http://127.0.0.1:${port}/`, { method: 'POST', headers: {}, body: '{}', timeoutMs: 1000 }),
    );
    assert.equal(failure.outcome, 'transient');
    assert.equal(failure.code, 'ECONNREFUSED');
  });
});

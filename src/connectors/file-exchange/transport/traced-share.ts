import { SpanKind, SpanStatusCode, context, trace, type Attributes } from '@opentelemetry/api';
import { ShareError, type Share, type ShareEntry } from './share.ts';

/**
 * With tracing on, each request to an SFTP share made inside a traced piece of work (a posting's send)
 * is a CLIENT span of it — `SFTP write`, `SFTP rename`, … with the path and, on failure, the share
 * error's kind. Outside a trace (or with tracing off) the requests go straight through.
 */
export function tracedShare(share: Share, host: string, port: number): Share {
  const call = <T>(operation: string, path: string, request: () => Promise<T>): Promise<T> => {
    const parent = context.active();
    if (trace.getSpan(parent) === undefined) return request();
    const attributes: Attributes = {
      'rpc.system': 'sftp',
      'rpc.method': operation,
      'server.address': host,
      'server.port': port,
      'file.path': path,
    };
    const span = trace
      .getTracer('finbridge')
      .startSpan(`SFTP ${operation}`, { kind: SpanKind.CLIENT, attributes }, parent);
    return request().then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        span.recordException(error instanceof Error ? error : String(error));
        if (error instanceof ShareError) span.setAttribute('error.type', error.kind);
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        throw error;
      },
    );
  };
  return {
    where: share.where,
    read: (path, deadline) => call('read', path, () => share.read(path, deadline)),
    list: (folder, deadline): Promise<ShareEntry[]> =>
      call('list', folder, () => share.list(folder, deadline)),
    write: (path, bytes, deadline) => call('write', path, () => share.write(path, bytes, deadline)),
    renameNew: (from, to, deadline) => call('rename', to, () => share.renameNew(from, to, deadline)),
    remove: (path, deadline) => call('remove', path, () => share.remove(path, deadline)),
    close: () => share.close(),
  };
}

import { billQuery, isQuery } from './bill-query.ts';
import type { Envelope } from './envelope.ts';
import type { Ledger } from './ledger.ts';
import { operate } from './operations.ts';
import { batchSave, save, type Answer } from './save.ts';
import { view } from './view.ts';
import { MSG, billFormOf, failure } from './wire.ts';

/**
 * `DynamicFormService` (动态表单服务), once the caller is signed in and past the throttle: the method
 * named by the URL, on the form the envelope names — GL_VOUCHER, AP_Payable or AP_PAYBILL for the
 * document methods, any known form for the queries. Answers with the body and whether it changed the
 * book (what the faults after a commit act on).
 */
export interface FormContext {
  readonly ledger: Ledger;
  readonly now: () => Date;
  /** The most rows one query answers with. */
  readonly queryCeiling: number;
}

export function dynamicFormService(context: FormContext, method: string, env: Envelope): Answer {
  const { ledger, now } = context;
  if (isQuery(method))
    return { body: billQuery(ledger, method, env.data, context.queryCeiling), commits: false };
  const form = env.formid?.toUpperCase();
  const bill = billFormOf(form ?? '');
  if (form !== 'GL_VOUCHER' && bill === undefined) return { body: failure(MSG.noForm, 5), commits: false };
  const data = env.data;
  switch (method) {
    case 'save':
      return save(context, bill, data);
    case 'batchsave':
      return batchSave(context, bill, data);
    case 'submit':
    case 'audit':
    case 'unaudit':
    case 'delete':
      return { body: operate(ledger, now, method, data, bill), commits: true };
    case 'view':
      return { body: view(ledger, bill, data), commits: false };
    default:
      return { body: failure(`不支持的服务：${method}`, 4), commits: false };
  }
}

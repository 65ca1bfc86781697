export { demoLedger } from '../../src/demo/erp.ts';

import type { ConnectorDefinition } from './contract.ts';
import { FILE_EXCHANGE } from './file-exchange/definition.ts';
import { KINGDEE } from './kingdee/definition.ts';
import { ORACLE_FUSION } from './oracle-fusion/definition.ts';
import { SAP_B1 } from './sap-b1/definition.ts';
import { SAP_S4 } from './sap-s4/definition.ts';
import { YONBIP } from './yonbip/definition.ts';
import { YONYOU_U8 } from './yonyou-u8/definition.ts';

/**
 * The ERP families this build of FinBridge speaks. Only composition roots (src/app.ts, src/cli/,
 * tests, benchmarks) import this list; everything else finds a definition by connection type through
 * the hub's registry. Adding an ERP: its folder under src/connectors/, and one line here.
 */
export const CONNECTORS: readonly ConnectorDefinition[] = [
  KINGDEE,
  YONYOU_U8,
  YONBIP,
  SAP_B1,
  SAP_S4,
  ORACLE_FUSION,
  FILE_EXCHANGE,
];

import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Makes both engines return the same JavaScript types. SQLite (with safe integers on) and PostgreSQL
 * (int8) return 64-bit integers as bigint; by the naming convention only `_minor` columns are money and
 * stay bigint — every other integer (versions, counts, line numbers) becomes a number, refused if it
 * would lose precision.
 */
export class ColumnTypesPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows;
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        const value = row[key];
        if (key.endsWith('_minor')) {
          if (typeof value === 'number' || typeof value === 'string') row[key] = BigInt(value);
        } else if (typeof value === 'bigint') {
          if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
            throw new RangeError(
              `column ${key} holds ${value}, beyond a safe integer; money columns must end in _minor`,
            );
          }
          row[key] = Number(value);
        }
      }
    }
    return args.result;
  }
}

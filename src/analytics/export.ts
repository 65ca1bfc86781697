import type { SpendResult } from './cube.ts';

/**
 * A spend query as an Excel workbook: sheet 1 the pivot of the first measure (rows × columns, one
 * block per currency), sheet 2 every cell flat with all measures. Amounts are written as numbers with
 * the currency's digits (Excel has no decimal type); the API's JSON stays the exact form.
 */
export async function spendWorkbook(result: SpendResult, title: string): Promise<Buffer> {
  // exceljs is ~500 modules: loaded on the first export, not at every process start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'FinBridge';
  const measure = result.measures[0] ?? 'amount';
  const pivot = workbook.addWorksheet('Pivot');
  pivot.addRow([title]);
  pivot.addRow([`${result.rows.join(' × ') || '—'} / ${result.columns.join(' × ') || '—'} — ${measure}`]);
  const currencies = [...new Set(result.cells.map((c) => c.currency))];
  const valueOf = (c: SpendResult['cells'][number]) =>
    measure === 'count' ? (c.count ?? 0) : Number(measure === 'tax' ? c.tax : c.amount);
  for (const currency of currencies) {
    const cells = result.cells.filter((c) => c.currency === currency);
    const columnKeys = [...new Set(cells.map((c) => JSON.stringify(c.column)))];
    const rowKeys = [...new Set(cells.map((c) => JSON.stringify(c.row)))];
    pivot.addRow([]);
    const header = pivot.addRow([
      currency,
      ...result.rows.slice(1).map(() => ''),
      ...columnKeys.map((k) => (JSON.parse(k) as string[]).join(' / ') || measure),
    ]);
    header.font = { bold: true };
    for (const rk of rowKeys) {
      const row = JSON.parse(rk) as string[];
      const values = columnKeys.map((ck) => {
        const cell = cells.find((c) => JSON.stringify(c.row) === rk && JSON.stringify(c.column) === ck);
        return cell === undefined ? null : valueOf(cell);
      });
      pivot.addRow([...(row.length === 0 ? [''] : row), ...values]);
    }
  }
  const flat = workbook.addWorksheet('Cells');
  flat.addRow([...result.rows, ...result.columns, 'currency', ...result.measures]).font = { bold: true };
  for (const c of result.cells)
    flat.addRow([
      ...c.row,
      ...c.column,
      c.currency,
      ...result.measures.map((m) =>
        m === 'count' ? (c.count ?? 0) : Number(m === 'tax' ? c.tax : c.amount),
      ),
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

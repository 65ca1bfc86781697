import { RULE_SET_KINDS, getRuleSet, saveRuleSet } from '../../finance/rules/rule-sets.ts';
import { getProfile, ProfileInput, saveProfile } from '../../hub/profiles.ts';
import { DomainError, refusal } from '../../model/result.ts';
import { check } from '../../model/validate.ts';
import type { TenantDb } from '../../platform/store/tenant-scope.ts';
import { commitImport, dryRunImport } from '../imports/batches.ts';
import { toInput } from '../master-data/records.ts';
import { MASTER_RESOURCES, type Fields, type MasterResource } from '../master-data/resources.ts';
import { createRecord, getRecord, updateRecord } from '../master-data/service.ts';
import { installChangeApplier, jsonDiff, type ChangeApplier } from './appliers.ts';
import { connectionSettingsApplier } from './connection-settings.ts';

/**
 * The appliers maker-checker ships: master data per resource (create, update, or an import file),
 * mapping profiles (through the hub's saveProfile), ERP connection settings (./connection-settings.ts,
 * through the hub's createConnection / updateConnection) and posting, approval and audit rule sets (through
 * finance's saveRuleSet). Installed by the composition root (src/modules.ts).
 */
type MasterPayload =
  | { readonly op: 'create'; readonly input: Fields }
  | { readonly op: 'update'; readonly id: string; readonly patch: Fields; readonly expectedVersion?: number }
  | {
      readonly op: 'import';
      readonly fileName: string;
      readonly content: string;
      readonly mapping?: Record<string, string>;
      readonly cleansing?: Record<string, unknown>;
    };

const IMPORT_MAX_ROWS = 100_000;

function masterPayload(payload: unknown): MasterPayload {
  const p = payload as Partial<Record<string, unknown>> | null;
  const op = typeof p === 'object' && p !== null ? p['op'] : undefined;
  const bad = (detail: string) =>
    new DomainError('invalid_field', { detail }, [
      { code: 'invalid_field', pointer: '/payload', params: { detail } },
    ]);
  if (p === null || typeof p !== 'object') throw bad('payload must be an object');
  if (op === 'create' && typeof p['input'] === 'object' && p['input'] !== null) return p as MasterPayload;
  if (op === 'update' && typeof p['id'] === 'string' && typeof p['patch'] === 'object' && p['patch'] !== null)
    return p as MasterPayload;
  if (op === 'import' && typeof p['fileName'] === 'string' && typeof p['content'] === 'string')
    return p as MasterPayload;
  throw bad('payload is {op: create, input} | {op: update, id, patch} | {op: import, fileName, content}');
}

function masterDataApplier(resource: MasterResource): ChangeApplier {
  const importOptions = (p: Extract<MasterPayload, { op: 'import' }>) => ({
    maxRows: IMPORT_MAX_ROWS,
    locale: 'zh-CN' as const,
    ...(p.mapping === undefined ? {} : { mapping: p.mapping }),
    ...(p.cleansing === undefined ? {} : { cleansing: p.cleansing }),
  });
  return {
    target: `master-data:${resource.path}`,
    label: { zh: `主数据·${resource.label.zh}`, en: `master data: ${resource.label.en.toLowerCase()}s` },
    async describe(db, writer, _subject, payload) {
      const p = masterPayload(payload);
      if (p.op === 'create') {
        const failures = check(resource.entity.input, p.input);
        if (failures.length > 0)
          throw refusal(failures.map((f) => ({ ...f, pointer: `/payload/input${f.pointer}` })));
        const code = resource.naturalKey(p.input);
        return { subject: code, summary: `create ${resource.path} ${code}`, diff: jsonDiff(null, p.input) };
      }
      if (p.op === 'update') {
        const current = toInput(resource, await getRecord(db, resource, p.id));
        const merged = Object.fromEntries(
          Object.entries({ ...current, ...p.patch }).filter(([, v]) => v !== null),
        );
        return {
          subject: p.id,
          summary: `update ${resource.path} ${typeof current['code'] === 'string' ? current['code'] : p.id}`,
          diff: jsonDiff(current, merged),
        };
      }
      const result = await dryRunImport(
        db,
        writer,
        resource.path,
        { fileName: p.fileName, bytes: Buffer.from(p.content, 'base64') },
        { ...importOptions(p), summaryOnly: false },
      );
      if (result.refused > 0)
        throw new DomainError('import_rejected', { failed: result.refused }, [], {
          rows: result.items.flatMap((i) => i.reasons),
        });
      return {
        subject: p.fileName,
        summary: `import ${p.fileName}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
        diff: result.items.flatMap((i) =>
          i.status === 'created'
            ? [{ path: `/${i.key ?? i.row}`, before: null, after: 'created' }]
            : i.changes.map((c) => ({
                path: `/${i.key ?? i.row}/${c.field}`,
                before: c.before,
                after: c.after,
              })),
        ),
      };
    },
    async apply(tx, writer, _subject, payload) {
      const p = masterPayload(payload);
      if (p.op === 'create') return createRecord(tx, writer, resource, p.input);
      if (p.op === 'update') return updateRecord(tx, writer, resource, p.id, p.patch, p.expectedVersion);
      return (
        await commitImport(
          tx,
          writer,
          resource.path,
          { fileName: p.fileName, bytes: Buffer.from(p.content, 'base64') },
          importOptions(p),
        )
      ).batch;
    },
  };
}

const mappingProfileApplier: ChangeApplier = {
  target: 'mapping-profile',
  label: { zh: '映射方案', en: 'mapping profiles' },
  async describe(db: TenantDb, _writer, subject, payload) {
    const failures = check(ProfileInput, payload);
    if (failures.length > 0) throw refusal(failures.map((f) => ({ ...f, pointer: `/payload${f.pointer}` })));
    const input = payload as ProfileInput;
    const current = await getProfile(db, subject);
    const proposed = {
      valueMaps: { ...current.valueMaps, ...(input.valueMaps ?? {}) },
      settings: { ...current.settings, ...(input.settings ?? {}) },
    };
    return {
      subject,
      summary: `mapping profile of connection ${subject}: version ${current.version} → ${current.version + 1}${input.note === undefined ? '' : ` (${input.note})`}`,
      diff: jsonDiff({ valueMaps: current.valueMaps, settings: current.settings }, proposed),
    };
  },
  async apply(tx, writer, subject, payload) {
    const input = payload as ProfileInput;
    const current = await getProfile(tx, subject);
    // the proposal changes what it names; the rest of the version in force is kept
    return saveProfile(tx, writer, subject, {
      valueMaps: { ...current.valueMaps, ...(input.valueMaps ?? {}) },
      settings: { ...current.settings, ...(input.settings ?? {}) },
      ...(input.note === undefined ? {} : { note: input.note }),
    });
  },
};

type RuleKind = keyof typeof RULE_SET_KINDS;

function ruleSetApplier(kind: RuleKind): ChangeApplier {
  const labels: Record<RuleKind, { zh: string; en: string }> = {
    approval: { zh: '审批规则', en: 'approval rules' },
    audit: { zh: '稽核规则', en: 'audit rules' },
    posting: { zh: '过账规则', en: 'posting rules' },
  };
  const bodyOf = (payload: unknown) => (payload as { body?: unknown } | null)?.body;
  return {
    target: `rule-set:${kind}`,
    label: labels[kind],
    async describe(db, _writer, _subject, payload) {
      const failures = check(RULE_SET_KINDS[kind].schema, bodyOf(payload), '/payload/body');
      if (failures.length > 0) throw refusal(failures);
      const current = await getRuleSet(db, kind);
      return {
        subject: kind,
        summary: `${kind} rules: version ${current.version} → ${current.version + 1}`,
        diff: jsonDiff(current.body, bodyOf(payload)),
      };
    },
    async apply(tx, writer, _subject, payload) {
      const note = (payload as { note?: unknown }).note;
      return saveRuleSet(tx, writer, kind, bodyOf(payload), typeof note === 'string' ? note : undefined);
    },
  };
}

/** Installs every applier governance knows (called by the composition root). */
export function installGovernanceAppliers(): void {
  for (const resource of MASTER_RESOURCES) installChangeApplier(masterDataApplier(resource));
  installChangeApplier(mappingProfileApplier);
  installChangeApplier(connectionSettingsApplier);
  for (const kind of Object.keys(RULE_SET_KINDS) as RuleKind[]) installChangeApplier(ruleSetApplier(kind));
}

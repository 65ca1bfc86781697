import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Switch, Typography, type FormRule } from 'antd';
import { useState, type Ref } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A small JSON Schema (2020-12, the subset connectors publish) → antd Form renderer, used by the
 * integration pages for connection settings, credentials and mapping-profile settings. It renders
 * inside an existing <Form>, under `name` (e.g. ['settings']), so the API's field errors
 * (`/settings/acctId`) land beside the field through showFieldErrors.
 *
 * string → input (password for secrets), enum / anyOf|oneOf of consts → select, integer/number →
 * number input, boolean → switch, object with properties → nested fields, object with only
 * patternProperties/additionalProperties (a map) → key → value rows. Anything else → JSON text.
 */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
  readonly format?: string;
}

type Name = readonly (string | number)[];

const SECRET = /password|secret|private|passphrase|token|key$/i;

/** The choices of an enum-like schema, or undefined when it is not one. */
export function choicesOf(schema: JsonSchema): readonly unknown[] | undefined {
  if (schema.enum !== undefined) return schema.enum;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined && alternatives.length > 0 && alternatives.every((a) => 'const' in a))
    return alternatives.map((a) => a.const);
  return undefined;
}

const typeOf = (schema: JsonSchema): string | undefined =>
  Array.isArray(schema.type)
    ? (schema.type as readonly string[]).find((x) => x !== 'null')
    : (schema.type as string | undefined);

const isMap = (schema: JsonSchema): boolean =>
  typeOf(schema) === 'object' &&
  schema.properties === undefined &&
  (schema.patternProperties !== undefined || typeof schema.additionalProperties === 'object');

/** Every field of an object schema, in the schema's order. */
export function SchemaFields({
  schema,
  name,
  optional = false,
  testId,
}: {
  readonly schema: JsonSchema;
  readonly name: Name;
  /** Required fields are not enforced (e.g. credentials left blank to keep the stored ones). */
  readonly optional?: boolean;
  readonly testId?: string;
}) {
  const properties = Object.entries(schema.properties ?? {});
  return (
    <div data-testid={testId}>
      {properties.map(([key, field]) => (
        <SchemaField
          key={key}
          fieldKey={key}
          schema={field}
          name={[...name, key]}
          required={!optional && (schema.required ?? []).includes(key)}
          optional={optional}
        />
      ))}
      {isMap(schema) ? (
        <Form.Item name={[...name]} noStyle>
          <MapInput />
        </Form.Item>
      ) : null}
    </div>
  );
}

function SchemaField({
  fieldKey,
  schema,
  name,
  required,
  optional,
}: {
  readonly fieldKey: string;
  readonly schema: JsonSchema;
  readonly name: Name;
  readonly required: boolean;
  readonly optional: boolean;
}) {
  const { t } = useI18n();
  const type = typeOf(schema);
  const choices = choicesOf(schema);
  const label = schema.title === undefined ? fieldKey : `${schema.title} (${fieldKey})`;
  const extra =
    schema.description === undefined ? undefined : (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {schema.description}
      </Typography.Text>
    );
  const rules: FormRule[] = [];
  if (required) rules.push({ required: true, message: t('int.form.required', { field: fieldKey }) });
  const common = { label, extra, rules, name: [...name], 'data-field': name.join('.') };

  if (type === 'object' && schema.properties !== undefined)
    return (
      <fieldset
        style={{
          border: '1px dashed rgba(0,0,0,0.15)',
          borderRadius: 6,
          padding: '8px 12px',
          marginBottom: 16,
        }}
      >
        <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
          {label}
        </legend>
        {extra}
        <SchemaFields schema={schema} name={name} optional={optional} />
      </fieldset>
    );
  if (isMap(schema))
    return (
      <Form.Item {...common}>
        <MapInput />
      </Form.Item>
    );
  if (choices !== undefined)
    return (
      <Form.Item {...common}>
        <Select
          allowClear={!required}
          options={choices.map((c) => ({ value: c as string, label: String(c) }))}
          data-testid={`field-${fieldKey}`}
        />
      </Form.Item>
    );
  if (type === 'boolean')
    return (
      <Form.Item {...common} valuePropName="checked">
        <Switch data-testid={`field-${fieldKey}`} />
      </Form.Item>
    );
  if (type === 'integer' || type === 'number')
    return (
      <Form.Item {...common}>
        <InputNumber
          style={{ width: '100%', maxWidth: 280 }}
          {...(type === 'integer' ? { precision: 0 } : {})}
          {...(schema.minimum === undefined ? {} : { min: schema.minimum })}
          {...(schema.maximum === undefined ? {} : { max: schema.maximum })}
          data-testid={`field-${fieldKey}`}
        />
      </Form.Item>
    );
  if (type === 'string' || type === undefined) {
    if (schema.maxLength !== undefined) rules.push({ max: schema.maxLength });
    const secret = SECRET.test(fieldKey);
    return (
      <Form.Item {...common}>
        {secret ? (
          <Input.Password autoComplete="new-password" data-testid={`field-${fieldKey}`} />
        ) : schema.maxLength !== undefined && schema.maxLength > 500 ? (
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid={`field-${fieldKey}`} />
        ) : (
          <Input data-testid={`field-${fieldKey}`} />
        )}
      </Form.Item>
    );
  }
  // arrays and anything more complex: JSON text, parsed before sending (see fromFormValues)
  return (
    <Form.Item
      {...common}
      getValueProps={(v: unknown) => ({ value: v === undefined ? '' : JSON.stringify(v) })}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid={`field-${fieldKey}`} />
    </Form.Item>
  );
}

/** A string → string map as editable rows (ERP number per code, …). */
export function MapInput({
  value,
  onChange,
  ref,
}: {
  readonly value?: Readonly<Record<string, unknown>> | undefined;
  readonly onChange?: (next: Record<string, string>) => void;
  readonly ref?: Ref<HTMLDivElement>;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<readonly (readonly [string, string])[]>(() =>
    Object.entries(value ?? {}).map(([k, v]) => [k, String(v)] as const),
  );
  const update = (next: readonly (readonly [string, string])[]) => {
    setRows(next);
    onChange?.(Object.fromEntries(next.filter(([k]) => k.trim() !== '')));
  };
  return (
    <div ref={ref}>
      {rows.map(([k, v], i) => (
        <Space.Compact key={i} style={{ display: 'flex', marginBottom: 4, maxWidth: 520 }}>
          <Input
            value={k}
            placeholder={t('int.form.key')}
            onChange={(e) => update(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
          />
          <Input
            value={v}
            placeholder={t('int.form.value')}
            onChange={(e) => update(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
          />
          <Button
            icon={<DeleteOutlined />}
            aria-label={t('int.form.remove')}
            onClick={() => update(rows.filter((_, j) => j !== i))}
          />
        </Space.Compact>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={() => update([...rows, ['', '']])}>
        {t('int.form.addRow')}
      </Button>
    </div>
  );
}

/**
 * Form values → what the API takes: blank optional fields dropped, JSON text of complex fields
 * parsed (left as text when it does not parse, so the API names the field).
 */
export function fromFormValues(schema: JsonSchema, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  const type = typeOf(schema);
  if (type === 'object' && schema.properties !== undefined && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      const field = schema.properties[key] ?? {};
      const cleaned = fromFormValues(field, v);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  if (typeof value === 'string' && (type === 'array' || (type === 'object' && !isMap(schema)))) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

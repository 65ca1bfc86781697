/**
 * The public registry of problem codes. Every code has exactly one HTTP status and a message in zh-CN and
 * en-US; `{name}` placeholders are filled from the failure's params. docs/errors.md lists the same codes
 * (a test keeps the two in step). Codes are never reused once retired. `title` overrides the problem title
 * where the message template, stripped of its placeholders, would not read well.
 */
export const ERROR_CODES = {
  // request shape
  invalid_json: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  validation_failed: { status: 422, zh: '请求数据校验未通过', en: 'The request data failed validation' },
  invalid_field: { status: 422, zh: '字段不合法：{detail}', en: 'Invalid field: {detail}' },
  missing_field: { status: 422, zh: '缺少必填字段 {field}', en: 'Required field {field} is missing' },
  unknown_field: { status: 422, zh: '不允许的字段 {field}', en: 'Field {field} is not allowed' },
  wrong_type: {
    title: { zh: '类型错误', en: 'Wrong type' },
    status: 422,
    zh: '类型错误，应为 {expected}',
    en: 'Wrong type, expected {expected}',
  },
  payload_too_large: {
    status: 413,
    zh: '请求体过大（上限 {limit} 字节）',
    en: 'The request body is too large (limit {limit} bytes)',
  },
  unsupported_media_type: {
    status: 415,
    zh: '不支持的内容类型 {type}',
    en: 'Unsupported content type {type}',
  },
  invalid_cursor: { status: 400, zh: '分页游标无效', en: 'The pagination cursor is invalid' },
  invalid_query: { status: 400, zh: '查询参数不合法：{detail}', en: 'Invalid query parameter: {detail}' },
  malformed_url: {
    status: 400,
    zh: '请求地址不合法：{detail}',
    en: 'Malformed request URL: {detail}',
  },
  path_segment_too_long: {
    status: 414,
    zh: '请求路径中的参数过长（上限 {limit} 个字符）',
    en: 'A path parameter is too long (limit {limit} characters)',
  },
  headers_too_large: {
    status: 431,
    zh: '请求头或请求地址过大',
    en: 'The request headers or URL are too large',
  },
  request_timeout: {
    status: 408,
    zh: '请求超时，未在时限内收到完整请求',
    en: 'The request did not arrive in time',
  },
  bad_request: { status: 400, zh: '无法解析的 HTTP 请求', en: 'The HTTP request could not be parsed' },
  unstorable_text: {
    title: { zh: '文本含有不允许的字符', en: 'Text contains a character that cannot be stored' },
    status: 422,
    zh: '文本含有不允许的字符（{character}）',
    en: 'Text contains a character that cannot be stored ({character})',
  },
  // money and numbers
  money_not_string: {
    title: { zh: '金额不能是 JSON 数字', en: 'Money must not be a JSON number' },
    status: 422,
    zh: '金额必须是字符串形式的小数（如 "1234.50"），不能是 JSON 数字 {value}',
    en: 'Money must be a decimal string such as "1234.50", not the JSON number {value}',
  },
  invalid_money: { status: 422, zh: '金额格式不正确：{value}', en: 'Not a valid amount: {value}' },
  money_too_precise: {
    title: { zh: '金额小数位过多', en: 'Amount has too many decimals' },
    status: 422,
    zh: '金额 {value} 的小数位超过 {currency} 允许的 {digits} 位',
    en: 'Amount {value} has more decimals than the {digits} that {currency} allows',
  },
  money_out_of_range: { status: 422, zh: '金额超出范围：{value}', en: 'Amount out of range: {value}' },
  unknown_currency: { status: 422, zh: '未知币种 {currency}', en: 'Unknown currency {currency}' },
  currency_mismatch: {
    status: 422,
    zh: '币种不一致：{currency} 与 {expected}',
    en: 'Currency mismatch: {currency} where {expected} is expected',
  },
  invalid_decimal: { status: 422, zh: '不是合法的小数：{value}', en: 'Not a valid decimal: {value}' },
  invalid_date: {
    status: 422,
    zh: '日期不合法：{value}（应为 YYYY-MM-DD）',
    en: 'Invalid date {value} (expected YYYY-MM-DD)',
  },
  // Chinese identifiers
  invalid_uscc: {
    status: 422,
    zh: '统一社会信用代码不合法：{reason}',
    en: 'Invalid unified social credit code: {reasonEn}',
  },
  invalid_org_code: {
    status: 422,
    zh: '组织机构代码不合法：{reason}',
    en: 'Invalid organization code: {reasonEn}',
  },
  invalid_tax_id: { status: 422, zh: '纳税人识别号不合法：{reason}', en: 'Invalid taxpayer id: {reasonEn}' },
  invalid_invoice_number: {
    status: 422,
    zh: '发票号码不合法：{reason}',
    en: 'Invalid invoice number: {reasonEn}',
  },
  // master data
  date_range_invalid: {
    status: 422,
    zh: '结束日期 {end} 早于开始日期 {start}',
    en: 'End date {end} is before start date {start}',
  },
  self_reference: {
    status: 422,
    zh: '{field} 不能指向自己',
    en: '{field} cannot point to the record itself',
  },
  same_currency: {
    status: 422,
    zh: '报价币种与基准币种相同：{currency}',
    en: 'Quote currency equals base currency: {currency}',
  },
  amount_not_positive: {
    status: 422,
    zh: '金额必须大于零：{value}',
    en: 'The amount must be greater than zero: {value}',
  },
  amount_negative: {
    status: 422,
    zh: '金额不能为负数：{value}',
    en: 'The amount must not be negative: {value}',
  },
  tax_rate_out_of_range: {
    status: 422,
    zh: '税率 {value} 不在 0 到 1 之间',
    en: 'Tax rate {value} is not between 0 and 1',
  },
  rate_not_positive: { status: 422, zh: '汇率必须大于零', en: 'The rate must be greater than zero' },
  exponent_mismatch: {
    status: 422,
    zh: '{currency} 的 ISO 4217 小数位数是 {expected}，不是 {actual}',
    en: 'ISO 4217 gives {currency} {expected} decimals, not {actual}',
  },
  // vouchers
  unbalanced_voucher: {
    status: 422,
    zh: '凭证借贷不平衡：借方合计 {debit}，贷方合计 {credit}',
    en: 'The voucher does not balance: debits {debit}, credits {credit}',
  },
  voucher_line_both_sides: {
    status: 422,
    zh: '分录不能同时有借方和贷方金额',
    en: 'A voucher line may carry a debit or a credit, not both',
  },
  voucher_line_zero: { status: 422, zh: '分录金额不能为零', en: 'A voucher line amount must not be zero' },
  voucher_needs_both_sides: {
    status: 422,
    zh: '凭证至少需要一条借方分录和一条贷方分录',
    en: 'A voucher needs at least one debit line and one credit line',
  },
  period_mismatch: {
    status: 422,
    zh: '会计期间 {period} 与凭证日期 {date} 不符',
    en: 'Period {period} does not match the voucher date {date}',
  },
  // store and resources
  not_found: {
    title: { zh: '资源不存在', en: 'Resource not found' },
    status: 404,
    zh: '{resource} 不存在：{id}',
    en: '{resource} not found: {id}',
  },
  route_not_found: { status: 404, zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  tenant_not_found: {
    status: 404,
    zh: '公司（租户）不存在：{tenant}',
    en: 'Company (tenant) not found: {tenant}',
  },
  duplicate_code: { status: 409, zh: '编码 {code} 已存在', en: 'Code {code} already exists' },
  reference_not_found: {
    title: { zh: '引用的数据不存在', en: 'Referenced record does not exist' },
    status: 422,
    zh: '引用的 {resource} 不存在：{id}',
    en: 'Referenced {resource} does not exist: {id}',
  },
  already_exists: {
    title: { zh: '数据已存在', en: 'Already exists' },
    status: 409,
    zh: '相同 {field} 的数据已存在',
    en: 'A record with the same {field} already exists',
  },
  reference_missing: {
    title: { zh: '引用的数据不存在', en: 'Referenced record does not exist' },
    status: 422,
    zh: '{field} 引用的数据不存在',
    en: '{field} refers to a record that does not exist',
  },
  value_not_allowed: {
    title: { zh: '取值不被允许', en: 'Value not allowed' },
    status: 422,
    zh: '{field} 的取值不被允许（{rule}）',
    en: 'The value of {field} is not allowed ({rule})',
  },
  value_not_storable: {
    title: { zh: '数据无法保存', en: 'Value cannot be stored' },
    status: 422,
    zh: '数据库拒绝了该取值：{reason}',
    en: 'The database refused the value: {reason}',
  },
  version_conflict: {
    title: { zh: '版本冲突', en: 'Version conflict' },
    status: 409,
    zh: '数据已被他人修改（当前版本 {current}），请刷新后重试',
    en: 'The record was changed meanwhile (now version {current}); reload and retry',
  },
  duplicate_in_batch: {
    status: 422,
    zh: '编码 {code} 在本批次中重复（首次出现在第 {first} 条）',
    en: 'Code {code} appears twice in this batch (first at item {first})',
  },
  bulk_failed: {
    title: { zh: '批量操作失败', en: 'Batch failed' },
    status: 422,
    zh: '批量操作有 {failed} 条失败，已全部回滚',
    en: '{failed} items failed; the whole batch was rolled back',
  },
  bulk_too_large: {
    title: { zh: '批量条数过多', en: 'Batch too large' },
    status: 413,
    zh: '批量条数 {count} 超过上限 {limit}',
    en: 'Batch of {count} items exceeds the limit of {limit}',
  },
  // security
  authentication_required: {
    status: 401,
    zh: '需要登录或提供访问令牌（Authorization: Bearer …）',
    en: 'Authentication required: sign in or send an access token (Authorization: Bearer …)',
  },
  invalid_token: { status: 401, zh: '访问令牌无效：{reason}', en: 'Invalid access token: {reason}' },
  insufficient_scope: {
    status: 403,
    zh: '权限不足：需要 {scope} 权限',
    en: 'Not allowed: this needs the {scope} scope',
  },
  csrf_token_invalid: {
    status: 403,
    zh: '缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token）',
    en: 'Missing or wrong CSRF token (X-CSRF-Token header)',
  },
  invalid_scope: { status: 422, zh: '未知的权限范围：{scopes}', en: 'Unknown scopes: {scopes}' },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_locked: {
    status: 423,
    zh: '登录失败次数过多，账户已锁定至 {until}',
    en: 'Too many failed sign-ins; the account is locked until {until}',
  },
  rate_limited: {
    status: 429,
    zh: '请求过于频繁，请 {retryAfter} 秒后重试',
    en: 'Too many requests; retry in {retryAfter} s',
  },
  invalid_idempotency_key: {
    status: 400,
    zh: 'Idempotency-Key 必须是 1–255 个可见 ASCII 字符',
    en: 'Idempotency-Key must be 1–255 visible ASCII characters',
  },
  idempotency_key_reused: {
    status: 422,
    zh: '该 Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  idempotency_key_in_flight: {
    status: 409,
    zh: '使用该 Idempotency-Key 的请求仍在处理中',
    en: 'A request with this Idempotency-Key is still being processed',
  },
  sso_not_configured: {
    status: 404,
    zh: '未配置单点登录（OIDC）',
    en: 'Single sign-on (OIDC) is not configured',
  },
  sso_failed: { status: 401, zh: '单点登录失败：{reason}', en: 'Single sign-on failed: {reason}' },
  sso_unknown_user: {
    status: 403,
    zh: '身份提供方的用户 {username} 在 FinBridge 中不存在或已停用',
    en: 'The identity provider’s user {username} has no active FinBridge account',
  },
  webhook_signature_invalid: {
    status: 401,
    zh: '回调签名无效：{reason}',
    en: 'Invalid webhook signature: {reason}',
  },
  webhook_replayed: {
    status: 409,
    zh: '重复的回调请求（已处理过）',
    en: 'Replayed webhook (already processed)',
  },
  delivery_not_replayable: {
    status: 409,
    zh: '只有已停止重试或已送达的推送才能重发（当前状态 {status}）',
    en: 'Only a parked or delivered webhook delivery can be sent again (it is {status})',
  },
  // administration: grants, and master-data files imported whole (issue #16)
  scope_not_held: {
    title: { zh: '不能授予自己没有的权限', en: 'Cannot grant what you do not hold' },
    status: 403,
    zh: '不能授予自己没有的权限：{scopes}',
    en: 'You cannot grant scopes you do not hold yourself: {scopes}',
  },
  import_unreadable: {
    title: { zh: '文件无法读取', en: 'File cannot be read' },
    status: 422,
    zh: '文件无法读取：{reason}',
    en: 'The file cannot be read: {reason}',
  },
  import_empty: {
    status: 422,
    zh: '文件中没有数据行（第一行须为列名，其下为数据）',
    en: 'The file has no data rows (the first row names the columns, the data follows)',
  },
  import_unknown_column: {
    title: { zh: '未知的列', en: 'Unknown column' },
    status: 422,
    zh: '第 {column} 列“{header}”不是{resourceZh}的字段（可用：{known}）',
    en: 'Column {column} ("{header}") is not a field of {resource} (known: {known})',
  },
  import_duplicate_column: {
    title: { zh: '重复的列', en: 'Duplicate column' },
    status: 422,
    zh: '第 {column} 列“{header}”与第 {first} 列重复',
    en: 'Column {column} ("{header}") repeats column {first}',
  },
  import_rejected: {
    title: { zh: '导入被拒绝，未写入任何数据', en: 'Import refused, nothing written' },
    status: 422,
    zh: '文件中有 {failed} 行有误，未导入任何数据',
    en: 'Wrong rows in the file: {failed}; nothing was imported',
  },
  // integration hub
  unknown_connection_type: {
    status: 422,
    zh: '未知的连接类型 {type}（已安装：{known}）',
    en: 'Unknown connection type {type} (installed: {known})',
  },
  connection_paused: { status: 409, zh: '连接 {name} 已暂停', en: 'Connection {name} is paused' },
  posting_not_replayable: {
    status: 409,
    zh: '只有被拒绝或已转入死信的过账才能重发（当前状态 {status}）',
    en: 'Only rejected or dead postings can be replayed (status is {status})',
  },
  document_kind_unsupported: {
    status: 422,
    zh: '连接 {connection} 不支持推送 {kind}',
    en: 'Connection {connection} cannot push {kind}',
  },
  profile_codes_missing: {
    title: { zh: '映射方案引用了 ERP 中不存在的编码', en: 'Mapping profile names codes the ERP lacks' },
    status: 422,
    zh: 'ERP 的{objectZh}中没有可用的编码 {code}（依据最近一次拉取的主数据）',
    en: 'The ERP has no usable {objectEn} numbered {code} (per the last pulled master data)',
  },
  unknown_sync_object: {
    status: 404,
    zh: '连接不支持拉取 {object}（可拉取：{known}）',
    en: 'The connection cannot pull {object} (it can pull: {known})',
  },
  unknown_posting_reference: {
    status: 422,
    zh: '此连接没有外部参考号为 {reference} 的过账',
    en: 'This connection has no posting with the external reference {reference}',
  },
  sync_running: {
    status: 409,
    zh: '{object} 正在同步中，请稍后再试',
    en: '{object} is being synchronised already; try again shortly',
  },
  // expenses: invoices
  invoice_duplicate: {
    title: { zh: '发票重复', en: 'Duplicate invoice' },
    status: 409,
    zh: '发票 {identity} 已登记（状态 {status}），请使用已登记的发票，无需重复登记',
    en: 'Invoice {identity} is already registered (status {status}); use the registered invoice instead of registering it again',
  },
  invoice_in_use: {
    title: { zh: '发票已被其他单据使用', en: 'Invoice used by another claim' },
    status: 409,
    zh: '发票 {identity} 已在报销单 {number} 中使用',
    en: 'Invoice {identity} is already used on claim {number}',
  },
  invoice_wrong_buyer: {
    title: { zh: '发票抬头不是本公司', en: 'Invoice made out to another buyer' },
    status: 422,
    zh: '发票购买方 {buyer}（{buyerTaxId}）不是本公司 {company}（{companyTaxId}）',
    en: 'The invoice buyer {buyer} ({buyerTaxId}) is not this company, {company} ({companyTaxId})',
  },
  invoice_type_mismatch: {
    title: { zh: '发票类型与代码/号码不符', en: 'Invoice type does not match its code or number' },
    status: 422,
    zh: '发票类型 {type} 与{basis}不符（应为 {expected}）',
    en: 'Invoice type {type} does not match the {basis} (expected {expected})',
  },
  invoice_arithmetic: {
    title: { zh: '发票金额计算不符', en: 'Invoice arithmetic does not add up' },
    status: 422,
    zh: '{what}：应为 {expected}，发票上为 {actual}',
    en: '{what}: expected {expected}, the invoice shows {actual}',
  },
  tax_rate_not_in_force: {
    status: 422,
    zh: '税率 {rate} 在 {date} 不是有效的法定税率或征收率',
    en: 'Rate {rate} was not a legal VAT rate or levy rate on {date}',
  },
  invoice_xml_invalid: {
    status: 422,
    zh: '不是有效的数电票 XML：{reason}',
    en: 'Not a valid fully-digital e-invoice XML: {reason}',
  },
  // expenses: documents, budgets, approvals
  document_state_invalid: {
    title: { zh: '当前状态不允许此操作', en: 'Not allowed in the current state' },
    status: 409,
    zh: '{document} 当前状态为「{status}」，不能{actionZh}',
    en: '{document} is {status}; it cannot be {actionEn}',
  },
  period_closed: {
    status: 422,
    zh: '会计期间 {period} 已结账，不能再记账',
    en: 'Accounting period {period} is closed to new postings',
  },
  budget_exceeded: {
    title: { zh: '超出预算', en: 'Over budget' },
    status: 422,
    zh: '预算不足：{slice} 预算 {budget}，已占用 {occupied}，已发生 {actual}，可用 {available}，本次需要 {requested}',
    en: 'Over budget: {slice} has {budget} budgeted, {occupied} occupied, {actual} spent, {available} available; this needs {requested}',
  },
  audit_rule_blocked: {
    title: { zh: '未通过审核规则', en: 'Blocked by an audit rule' },
    status: 422,
    zh: '审核规则「{ruleZh}」不允许提交：{detailZh}',
    en: 'Audit rule "{ruleEn}" blocks this: {detailEn}',
  },
  request_not_usable: {
    status: 422,
    zh: '申请单 {number} 状态为「{status}」，报销单只能关联已批准的申请单',
    en: 'Request {number} is {status}; a claim can only draw down an approved request',
  },
  advance_not_usable: {
    status: 422,
    zh: '借款单 {number} 不能冲销：{reason}',
    en: 'Advance {number} cannot be offset: {reason}',
  },
  task_not_yours: {
    title: { zh: '不是你的审批任务', en: 'Not your approval task' },
    status: 403,
    zh: '此审批任务分配给 {assignee}，你无权处理',
    en: 'This approval task is assigned to {assignee}; you may not act on it',
  },
  task_already_decided: {
    title: { zh: '审批任务已处理', en: 'Approval task already decided' },
    status: 409,
    zh: '此审批任务已是「{status}」，不能再次处理',
    en: 'This approval task is already {status}; it cannot be decided again',
  },
  no_approver: {
    status: 422,
    zh: '审批步骤「{step}」找不到审批人（{reason}）',
    en: 'Approval step "{step}" has no approver ({reason})',
  },
  document_not_yours: {
    status: 403,
    zh: '不能代职员 {employee} 处理单据（需财务或管理员角色）',
    en: 'You cannot act on documents of employee {employee} (finance or administrator role required)',
  },
  not_an_employee: {
    status: 403,
    zh: '当前用户未关联职员，不能{actionZh}',
    en: 'The signed-in user is not linked to an employee and cannot {actionEn}',
  },
  rule_set_invalid: {
    status: 422,
    zh: '规则无效：{reason}',
    en: 'Invalid rules: {reason}',
  },
  // bank statements and their reconciliation (issue #18, docs/bank.md)
  bank_file_unreadable: {
    title: { zh: '银行对账单文件无法读取', en: 'Bank statement file cannot be read' },
    status: 422,
    zh: '银行对账单文件无法读取：{reason}',
    en: 'The bank statement file cannot be read: {reasonEn}',
  },
  bank_layout_unknown: {
    title: { zh: '无法识别对账单格式', en: 'Unknown statement format' },
    status: 422,
    zh: '无法识别对账单的格式或版式：{reason}（可用：{known}）',
    en: 'The statement matches no known format or layout: {reasonEn} (known: {known})',
  },
  bank_file_invalid: {
    title: { zh: '对账单有误，未导入任何数据', en: 'Statement refused, nothing imported' },
    status: 422,
    zh: '对账单有 {count} 处错误，未导入任何数据；第一处在第 {line} 行 {field}：{reason}',
    en: '{count} errors in the statement, nothing was imported; the first is on line {line}, {field}: {reasonEn}',
  },
  bank_line_invalid: {
    title: { zh: '对账单行有误', en: 'Statement line is wrong' },
    status: 422,
    zh: '第 {line} 行 {field}：{reason}',
    en: 'Line {line}, {field}: {reasonEn}',
  },
  bank_account_mismatch: {
    title: { zh: '对账单不属于该账户', en: 'Statement is for another account' },
    status: 422,
    zh: '对账单的账号是 {fileAccount}，不是账户 {account}（{number}）',
    en: 'The statement is for account number {fileAccount}, not account {account} ({number})',
  },
  bank_before_opening: {
    title: { zh: '日期早于账户启用日期', en: 'Date before the account was opened' },
    status: 422,
    zh: '{date} 早于账户 {account} 在 FinBridge 的启用日期 {openedOn}',
    en: '{date} is before account {account} was opened in FinBridge ({openedOn})',
  },
  bank_balance_unknown: {
    title: { zh: '银行余额未知', en: 'Bank balance unknown' },
    status: 422,
    zh: '没有对账单给出账户 {account} 截至 {date} 的银行余额，请导入含余额的对账单',
    en: 'No statement gives the bank balance of account {account} on {date}; import a statement with balances',
  },
  bank_match_mixed: {
    title: { zh: '不能跨账户或跨方向匹配', en: 'Match across accounts or directions' },
    status: 422,
    zh: '一个匹配只能包含同一账户、同一币种、同一收付方向的银行流水和账面记录（{reason}）',
    en: 'A match holds bank lines and book entries of one account, currency and direction only ({reasonEn})',
  },
  bank_match_unbalanced: {
    title: { zh: '匹配两边金额不等', en: 'Match sides differ' },
    status: 422,
    zh: '匹配两边金额不等：银行流水合计 {lines}，账面记录合计 {entries}',
    en: 'The two sides of the match differ: bank lines total {lines}, book entries total {entries}',
  },
  bank_item_matched: {
    title: { zh: '已在其他匹配中', en: 'Already matched' },
    status: 409,
    zh: '{item} 已在匹配 {matchId} 中，请先取消该匹配',
    en: '{item} is already in match {matchId}; unmatch it first',
  },
  // lineage and post-hoc audit (事后审计) (issue #18, docs/lineage.md, docs/post-audit.md)
  lineage_type_unknown: {
    title: { zh: '未知的追溯类型', en: 'Unknown lineage type' },
    status: 422,
    zh: '未知的追溯类型 {type}；可用类型：{types}',
    en: 'Unknown lineage type {type}; known types: {types}',
  },
  post_audit_state_invalid: {
    title: { zh: '审计发现当前状态不允许此操作', en: 'Not allowed in the finding’s state' },
    status: 409,
    zh: '审计发现 {finding} 当前状态为「{status}」，不能{actionZh}',
    en: 'Finding {finding} is {status}; it cannot be {actionEn}',
  },
  post_audit_not_claimant: {
    title: { zh: '只有报销人可以答复', en: 'Only the claimant may respond' },
    status: 403,
    zh: '整改要求只能由报销人 {employee} 答复',
    en: 'Only the claimant {employee} may respond to the rectification request',
  },
  post_audit_claim_not_posted: {
    title: { zh: '报销单尚未过账', en: 'Claim not posted' },
    status: 422,
    zh: '事后审计只针对已过账的报销单；{number} 当前状态为「{status}」',
    en: 'Post-hoc audit covers posted claims only; {number} is {status}',
  },
  // payments: batches, bank payment files and what the bank sends back (issue #18, docs/payments.md)
  payment_batch_state: {
    title: { zh: '付款批次当前状态不允许此操作', en: 'Not allowed in the batch’s status' },
    status: 409,
    zh: '付款批次 {batch} 的状态是 {status}，不能{action}',
    en: 'Payment batch {batch} is {status}; it cannot be {actionEn}',
  },
  payment_maker_checker: {
    title: { zh: '制单人不能审批自己的付款批次', en: 'The maker cannot approve' },
    status: 403,
    zh: '付款批次 {batch} 由 {maker} 制单，须由另一人审批',
    en: 'Payment batch {batch} was made by {maker}; someone else must approve it',
  },
  payment_not_payable: {
    title: { zh: '单据不可付款', en: 'Not payable' },
    status: 422,
    zh: '{document} 不可付款：{reason}',
    en: '{document} cannot be paid: {reasonEn}',
  },
  payment_file_unreadable: {
    title: { zh: '银行回单文件无法读取，未导入任何数据', en: 'Bank result file refused, nothing imported' },
    status: 422,
    zh: '银行回单文件第 {line} 行 {field}：{reason}（未导入任何数据）',
    en: 'Bank result file, line {line}, {field}: {reasonEn} (nothing was imported)',
  },
  payment_layout_unknown: {
    title: { zh: '未知的银行付款文件版式', en: 'Unknown bank payment file layout' },
    status: 422,
    zh: '未知的付款文件版式 {layout}（可用：{known}）',
    en: 'Unknown payment file layout {layout} (known: {known})',
  },
  // master-data governance: golden records, import batches, change requests (issue #19, docs/governance.md)
  golden_other_company: {
    title: { zh: '不是本公司的黄金记录', en: 'Not a golden record of this company' },
    status: 422,
    zh: '黄金记录 {id} 不属于本公司：不同公司的记录不能合并',
    en: 'Golden record {id} is not one of this company: records of different companies are never merged',
  },
  golden_not_active: {
    status: 422,
    zh: '黄金记录 {id} 已合并到 {mergedInto}，不能再操作',
    en: 'Golden record {id} was merged into {mergedInto} and cannot be changed',
  },
  golden_merge_self: {
    status: 422,
    zh: '黄金记录 {id} 不能与自身合并',
    en: 'Golden record {id} cannot be merged into itself',
  },
  golden_entity_mismatch: {
    status: 422,
    zh: '黄金记录 {id} 是{entity}，不能合并到{expected}',
    en: 'Golden record {id} is a {entity} and cannot be merged into a {expected}',
  },
  golden_source_not_linked: {
    status: 422,
    zh: '来源 {source} 的 {key} 不属于黄金记录 {id}',
    en: 'Source {source} record {key} does not belong to golden record {id}',
  },
  golden_split_all: {
    status: 422,
    zh: '拆分须在黄金记录 {id} 中至少保留一个来源',
    en: 'A split must leave at least one source on golden record {id}',
  },
  import_rollback_blocked: {
    title: { zh: '导入批次不能回滚', en: 'Import batch cannot be rolled back' },
    status: 409,
    zh: '导入批次之后有 {count} 条记录又被修改，回滚会丢失这些修改（见 records）',
    en: '{count} records were changed after the import batch; rolling it back would lose those changes (see records)',
  },
  import_batch_rolled_back: {
    status: 409,
    zh: '导入批次 {id} 已于 {at} 回滚',
    en: 'Import batch {id} was rolled back at {at}',
  },
  import_rollback_period_frozen: {
    title: { zh: '导入批次所在期间已结账或归档', en: 'The import batch’s periods are closed or archived' },
    status: 409,
    zh: '导入批次中有 {count} 条记录所在的会计期间在导入后已结账或已归档，不能回滚（见 records）',
    en: '{count} records of the import batch lie in periods closed or archived since the import; it cannot be rolled back (see records)',
  },
  change_requires_approval: {
    title: { zh: '该变更需要复核', en: 'This change needs a second person' },
    status: 409,
    zh: '本公司对{targetZh}的变更需要第二人复核：请提交变更申请（POST /api/v1/governance/change-requests）',
    en: 'Changes to {targetEn} need a second person in this company: file a change request (POST /api/v1/governance/change-requests)',
  },
  change_target_unknown: {
    status: 422,
    zh: '未知的变更对象 {target}（可用：{known}）',
    en: 'Unknown change target {target} (known: {known})',
  },
  change_not_pending: {
    status: 409,
    zh: '变更申请 {id} 已是{status}状态',
    en: 'Change request {id} is already {status}',
  },
  change_same_person: {
    status: 403,
    zh: '变更申请须由提交人以外的人复核',
    en: 'A change request must be decided by someone other than the person who filed it',
  },
  // data quality: rules, owners, gates (issue #19 item 2, docs/governance.md)
  quality_rule_kind_unknown: {
    status: 422,
    zh: '未知的质量规则类型 {kind}（可用：{known}）',
    en: 'Unknown quality rule kind {kind} (known: {known})',
  },
  quality_rule_bad_pattern: {
    status: 422,
    zh: '正则表达式 {pattern} 无效：{reason}',
    en: 'The regular expression {pattern} is not valid: {reason}',
  },
  quality_entity_unknown: {
    status: 422,
    zh: '未知的主数据实体 {entity}（可用：{known}）',
    en: 'Unknown master-data entity {entity} (known: {known})',
  },
  quality_owner_invalid: {
    status: 422,
    zh: '数据责任人 {owner} 无效：须为 user:<用户 id> 或 role:<角色>（本公司已有的）',
    en: 'Data owner {owner} is not valid: give user:<user id> or role:<role> of this company',
  },
  quality_gate_blocked: {
    title: { zh: '数据质量门禁拦截', en: 'Blocked by a data-quality gate' },
    status: 422,
    zh: '{gateZh}被数据质量门禁拦截：{count} 条主数据有{severityZh}及以上的未解决问题（见 errors）',
    en: 'The {gate} is blocked by a data-quality gate: {count} master-data records have open issues of severity {severity} or above (see errors)',
  },
  quality_issue_open: {
    status: 422,
    zh: '{entity} {record} 的 {field} 有未解决的数据质量问题（{rule}，{severity}）：{message}',
    en: '{entity} {record}, {field}: open data-quality issue ({rule}, {severity}): {message}',
  },
  // analytics: the spend cube, budget execution and cost anomalies (issue #19, docs/analytics.md)
  analytics_unknown_dimension: {
    title: { zh: '未知的分析维度', en: 'Unknown analytics dimension' },
    status: 422,
    zh: '未知的分析维度 {dimension}（可用：{known}）',
    en: 'Unknown analytics dimension {dimension} (known: {known})',
  },
  analytics_unknown_measure: {
    title: { zh: '未知的分析度量', en: 'Unknown analytics measure' },
    status: 422,
    zh: '未知的分析度量 {measure}（可用：{known}）',
    en: 'Unknown analytics measure {measure} (known: {known})',
  },
  // electronic accounting archive (issue #18, docs/archive.md)
  archive_period_open: {
    title: { zh: '期间未结账', en: 'Period not closed' },
    status: 409,
    zh: '期间 {period} 尚未结账，结账后才能归档',
    en: 'Period {period} is not closed; close it before archiving',
  },
  archive_exists: {
    title: { zh: '已归档', en: 'Already archived' },
    status: 409,
    zh: '期间 {period} 已生成会计档案包 {packageId}，档案不可重建',
    en: 'Period {period} already has archive package {packageId}; an archive is never rebuilt',
  },
  period_archived: {
    title: { zh: '期间已归档', en: 'Period archived' },
    status: 409,
    zh: '期间 {period} 已归档（档案包 {packageId}），不能重新打开',
    en: 'Period {period} is archived (package {packageId}) and cannot be reopened',
  },
  // Hub ↔ ERP reconciliation (对账) (issue #18, docs/reconciliation.md)
  reconciliation_period_invalid: {
    title: { zh: '对账期间不合法', en: 'Invalid reconciliation period' },
    status: 422,
    zh: '对账期间 {period} 不合法，应为 YYYY-MM（调整期 13–16）',
    en: 'Reconciliation period {period} is invalid; expected YYYY-MM (adjustment periods 13–16)',
  },
  reconciliation_difference_resolved: {
    title: { zh: '差异已处理', en: 'Difference already resolved' },
    status: 409,
    zh: '该差异已处理（{resolution}）',
    en: 'This difference is already resolved ({resolution})',
  },
  reconciliation_repair_unsafe: {
    title: { zh: '不能一键修复', en: 'No safe one-click repair' },
    status: 409,
    zh: '“{kind}”类差异不能执行“{action}”，请在 ERP 中核对后处理',
    en: 'A difference of kind {kind} cannot be repaired by {action}; check it in the ERP',
  },
  // platform
  not_ready: { status: 503, zh: '服务未就绪：{reason}', en: 'Not ready: {reason}' },
  internal_error: {
    status: 500,
    zh: '服务器内部错误，请联系管理员（请求号 {requestId}）',
    en: 'Internal error; contact your administrator (request {requestId})',
  },
} as const satisfies Record<
  string,
  { status: number; zh: string; en: string; title?: { zh: string; en: string } }
>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type Locale = 'zh-CN' | 'en-US';

export function renderMessage(
  code: ErrorCode,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const entry = ERROR_CODES[code];
  const template = locale === 'zh-CN' ? entry.zh : entry.en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

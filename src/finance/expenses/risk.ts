/**
 * What checks find that does not refuse a document outright: a warning in both languages, kept on the
 * document as a risk tag approvers see. `severity: 'block'` tags are the ones that stopped a submission.
 */
export interface Warning {
  readonly rule: string;
  readonly pointer?: string;
  readonly zh: string;
  readonly en: string;
}

export interface RiskTag extends Warning {
  readonly severity: 'warn' | 'block';
}

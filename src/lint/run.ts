import type { Config, RuleSeverity } from '../core/config.js';
import type { Issue } from '../core/issue.js';
import { readDirectives } from './directives.js';
import { RULE_IDS, RULES } from './index.js';
import { lintDocs } from './source.js';
import type { LintMessage, LintResult, RenderedEmail, Report, Rule } from './types.js';

export interface LintInput {
  issue: Issue;
  config: Config;
  previous: Issue | undefined;
  /** Renders the email in memory; called at most once, and only if an email rule is on. */
  renderEmail: () => Promise<RenderedEmail>;
  /** Only these rules (for tests and `--rule`); all of them when undefined. */
  only?: string[];
}

/** A message before it is placed in its file's result. */
interface Located extends LintMessage {
  file: string;
}

export function ruleSeverity(rule: Rule, config: Config): RuleSeverity {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/**
 * Runs every enabled rule over one issue and groups the messages by file, as ESLint does.
 * Pure apart from `renderEmail`, which the caller provides.
 */
export async function lintIssue(input: LintInput): Promise<Map<string, Located[]>> {
  const { issue, config } = input;
  const docs = lintDocs(issue);
  const { silenced, unknown } = readDirectives(docs);
  const located: Located[] = [];
  let email: Promise<RenderedEmail> | undefined;
  const renderEmail = () => (email ??= input.renderEmail());

  for (const { file, line, id } of unknown) {
    if (!RULE_IDS.includes(id)) {
      located.push({ file, ruleId: null, severity: 1, line, column: 1, message: `the disable comment names "${id}", which is not a rule (rules: ${RULE_IDS.join(', ')}).` });
    }
  }

  for (const rule of RULES) {
    if (input.only && !input.only.includes(rule.id)) continue;
    const severity = ruleSeverity(rule, config);
    if (severity === 'off') continue;
    const report = (r: Report): void => {
      if (silenced.get(`${r.file}:${r.line}`)?.has(rule.id)) return;
      const level = severity === 'error' && r.severity !== 'warn' ? 2 : 1;
      const message: Located = { file: r.file, ruleId: rule.id, severity: level, message: r.message, line: r.line, column: r.column ?? 1 };
      if (r.endLine !== undefined) message.endLine = r.endLine;
      if (r.endColumn !== undefined) message.endColumn = r.endColumn;
      located.push(message);
    };
    await rule.check({ issue, config, options: config.rules[rule.id]?.options ?? {}, previous: input.previous, docs, renderEmail, report });
  }

  const results = new Map<string, Located[]>();
  for (const message of located) {
    const list = results.get(message.file) ?? [];
    list.push(message);
    results.set(message.file, list);
  }
  return results;
}

/** ESLint's result shape for one file, messages sorted by position. */
export function toResult(filePath: string, located: (LintMessage & { file?: string })[]): LintResult {
  const messages = located
    .map(({ file: _file, ...message }) => message)
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
  };
}

import type { Config, RuleSeverity } from '../core/config/config.js';
import type { ImageFile, SiteCheckout } from '../core/images/images.js';
import { readDirectives } from './directives.js';
import { RULE_IDS, RULES } from './index.js';
import { reportOf, ruleOptions, type Capabilities, type LintContext, type Need, type Rule, type RuleReport } from './rule.js';
import { frontMatterDocs, lintDocs, placeFrontMatterReport } from './source.js';
import type { LintMessage, LintResult } from './types.js';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';

export function ruleSeverity(rule: Rule, config: Config): RuleSeverity {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/**
 * What a checkout of the site gives lint: its model, read now (a checkout that cannot be read
 * stops lint with its one line, before any rule runs), and its images, each file looked up
 * once however many rules and images ask for it.
 */
export function siteCapabilities(site: SiteCheckout | undefined): Partial<Pick<Capabilities, 'site' | 'siteImage'>> {
  if (!site) return {};
  const lookups = new Map<string, Promise<ImageFile | null>>();
  const model = site.model?.();
  return {
    siteImage: (file) => lookups.get(file) ?? lookups.set(file, site.image(file)).get(file)!,
    ...(model ? { site: model } : {}),
  };
}

/**
 * Runs every enabled rule over one issue, each whose needs the context meets, and adds what no
 * rule owns (files past the limits, inline comments naming no rule). Pure apart from what the
 * context's capabilities do (render the email, read the site, ask the network).
 */
export async function lintIssue(context: LintContext): Promise<Diagnostic[]> {
  const { issue, config } = context;
  const bodies = lintDocs(issue);
  const { silenced, unknown } = readDirectives(bodies);
  // Rules read the front matter values readers see as well, each where its writer wrote it.
  const docs = [...bodies, ...frontMatterDocs(issue)];
  const found: Diagnostic[] = issue.problems.filter((p) => p.ruleId === null);
  const has = (need: Need) => context[need] !== undefined;

  for (const { file, line, id } of unknown) {
    if (!RULE_IDS.includes(id)) {
      found.push({
        file,
        ruleId: null,
        severity: 'warn',
        line,
        column: 1,
        message: `the disable comment names "${id}", which is not a rule (rules: ${RULE_IDS.join(', ')}).`,
      });
    }
  }

  for (const rule of RULES) {
    if (!(rule.needs ?? []).every(has)) continue;
    const severity = ruleSeverity(rule, config);
    if (severity === 'off') continue;
    const report = (given: RuleReport): void => {
      const r = placeFrontMatterReport(reportOf(rule, given), docs);
      if (silenced.get(`${r.file}:${r.line}`)?.has(rule.id)) return;
      const { fix, ...placed } = r;
      const diagnostic: Diagnostic = {
        ...placed,
        column: placed.column ?? 1,
        ruleId: rule.id,
        severity: severity === 'error' && r.severity !== 'warn' ? 'error' : 'warn',
      };
      if (rule.fixable && fix && placed.endLine !== undefined && placed.endColumn !== undefined) {
        const { at, ...edit } = fix;
        diagnostic.fix = { ...(at ?? { line: placed.line, column: diagnostic.column, endLine: placed.endLine, endColumn: placed.endColumn }), ...edit };
      }
      found.push(diagnostic);
    };
    // Its needs are there (checked above): the erased type's required capabilities are met.
    await rule.check({ ...context, docs, options: ruleOptions(rule, config), report } as Parameters<Rule['check']>[0]);
  }
  return found.sort(compareDiagnostics);
}

/** ESLint's result shape for one file, messages sorted by position: severity 1 a warning, 2 an error. */
export function toResult(filePath: string, diagnostics: Diagnostic[]): LintResult {
  const messages = [...diagnostics].sort(compareDiagnostics).map(toLintMessage);
  const fixable = diagnostics.filter((d) => d.fix);
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fixableErrorCount: fixable.filter((d) => d.severity === 'error').length,
    fixableWarningCount: fixable.filter((d) => d.severity === 'warn').length,
  };
}

function toLintMessage(d: Diagnostic): LintMessage {
  const message: LintMessage = { ruleId: d.ruleId, severity: d.severity === 'error' ? 2 : 1, message: d.message, line: d.line, column: d.column };
  if (d.endLine !== undefined) message.endLine = d.endLine;
  if (d.endColumn !== undefined) message.endColumn = d.endColumn;
  return message;
}

import type { Config, RuleSeverity } from '../core/config.js';
import type { ImageFile, SiteCheckout } from '../core/images.js';
import type { Issue } from '../core/issue.js';
import type { LinkStatus } from '../core/urls.js';
import type { CompatCheck } from '../core/email-compat.js';
import type { TemplateSource } from '../core/templates.js';
import type { RefusedPiece } from '../core/raw-html.js';
import type { WordList } from '../core/spelling.js';
import { readDirectives } from './directives.js';
import { RULE_IDS, RULES } from './index.js';
import { frontMatterDocs, lintDocs, placeFrontMatterReport } from './source.js';
import type { LintMessage, LintResult, RenderedEmail, Report, Rule } from './types.js';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';

export interface LintInput {
  issue: Issue;
  config: Config;
  previous: Issue | undefined;
  /** Renders the email in memory; called at most once, and only if an email rule is on. */
  renderEmail: () => Promise<RenderedEmail>;
  /** Only these rules (for tests and `--rule`); all of them when undefined. */
  only?: string[];
  /** Leave out the rules that read the compiled email (a command that makes none). */
  withoutEmail?: boolean;
  /** A checkout of the site, when one is known: the site-image rule and the image checks read it. */
  site?: SiteCheckout;
  compat?: CompatCheck;
  emailTemplate?: TemplateSource;
  blogTemplate?: TemplateSource;
  refusedInBlog?: () => RefusedPiece[];
  /** The dictionary of the spelling rule; without one the rule does not run. */
  dictionary?: () => WordList;
  /** With lint --online: asks the network about URLs (dead-link). */
  checkLinks?: (urls: string[]) => Promise<ReadonlyMap<string, LinkStatus>>;
}

export function ruleSeverity(rule: Rule, config: Config): RuleSeverity {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}

/**
 * Runs every enabled rule over one issue, and adds what no rule owns (files past the limits,
 * inline comments naming no rule). Pure apart from `renderEmail`, which the caller provides.
 */
export async function lintIssue(input: LintInput): Promise<Diagnostic[]> {
  const { issue, config } = input;
  const bodies = lintDocs(issue);
  const { silenced, unknown } = readDirectives(bodies);
  // Rules read the front matter values readers see as well, each where its writer wrote it.
  const docs = [...bodies, ...frontMatterDocs(issue)];
  const found: Diagnostic[] = issue.problems.filter((p) => p.ruleId === null);
  let email: Promise<RenderedEmail> | undefined;
  const renderEmail = () => (email ??= input.renderEmail());
  // Each site file is looked up once, however many rules and images ask for it.
  const lookups = new Map<string, Promise<ImageFile | null>>();
  const site = input.site;
  const siteImage = site ? (file: string) => lookups.get(file) ?? lookups.set(file, site.image(file)).get(file)! : undefined;
  // Read before any rule runs: a checkout that cannot be read stops lint with its one line.
  const siteModel = site?.model?.();

  for (const { file, line, id } of unknown) {
    if (!RULE_IDS.includes(id)) {
      found.push({ file, ruleId: null, severity: 'warn', line, column: 1, message: `the disable comment names "${id}", which is not a rule (rules: ${RULE_IDS.join(', ')}).` });
    }
  }

  for (const rule of RULES) {
    if ((input.only && !input.only.includes(rule.id)) || (input.withoutEmail && rule.needsEmail)) continue;
    const severity = ruleSeverity(rule, config);
    if (severity === 'off') continue;
    const report = (reported: Report): void => {
      const r = placeFrontMatterReport(reported, docs);
      if (silenced.get(`${r.file}:${r.line}`)?.has(rule.id)) return;
      const { fix, ...placed } = r;
      const diagnostic: Diagnostic = { ...placed, column: placed.column ?? 1, ruleId: rule.id, severity: severity === 'error' && r.severity !== 'warn' ? 'error' : 'warn' };
      if (rule.fixable && fix && placed.endLine !== undefined && placed.endColumn !== undefined) {
        const { at, ...edit } = fix;
        diagnostic.fix = { ...(at ?? { line: placed.line, column: diagnostic.column, endLine: placed.endLine, endColumn: placed.endColumn }), ...edit };
      }
      found.push(diagnostic);
    };
    await rule.check({ issue, config, options: config.rules[rule.id]?.options ?? {}, previous: input.previous, docs, renderEmail, siteImage, checkLinks: input.checkLinks, compat: input.compat, emailTemplate: input.emailTemplate, blogTemplate: input.blogTemplate, refusedInBlog: input.refusedInBlog, dictionary: input.dictionary, site: siteModel, report });
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

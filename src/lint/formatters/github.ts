import type { LintResult } from '../types.js';
import { printable } from '../../core/text.js';

/** GitHub Actions workflow commands: one annotation per message, on the file and line. */
export function formatGithub(results: LintResult[], relativePath: (filePath: string) => string): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const m of result.messages) {
      const level = m.severity === 2 ? 'error' : 'warning';
      const props = [`file=${escapeProperty(relativePath(result.filePath))}`, `line=${m.line}`, `col=${m.column}`];
      if (m.endLine !== undefined) props.push(`endLine=${m.endLine}`);
      if (m.endColumn !== undefined) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escapeProperty(m.ruleId ?? 'newsletter')}`);
      lines.push(`::${level} ${props.join(',')}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

// The escapes GitHub's toolkit applies to workflow command data and properties.
function escapeData(text: string): string {
  return printable(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

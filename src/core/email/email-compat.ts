/** A feature of HTML or CSS that some mail clients do not show, where it is written (caniemail.com). */
export interface CompatFinding {
  feature: string;
  /** caniemail's client ids, such as outlook.windows or gmail.android. */
  clients: string[];
  /** In the code checked, from 1. */
  line: number;
  column: number;
}

/** Checks HTML or CSS against mail clients (io provides it: caniemail's data is loaded on demand). */
export type CompatCheck = (code: { html?: string; css?: string }, clients: readonly string[]) => CompatFinding[];

/** The families of mail clients a finding concerns, by name: "Outlook, Gmail". */
export function clientFamilies(clients: readonly string[]): string {
  const names: Record<string, string> = {
    gmail: 'Gmail',
    outlook: 'Outlook',
    'apple-mail': 'Apple Mail',
    yahoo: 'Yahoo',
    aol: 'AOL',
    thunderbird: 'Thunderbird',
    samsung: 'Samsung Email',
  };
  return [...new Set(clients.map((client) => names[client.split('.')[0]!] ?? client.split('.')[0]!))].sort().join(', ');
}

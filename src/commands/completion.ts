import { findWorkspaceRoot, listIssues } from '../io/workspace.js';

/*
 * completion --issues: what the completion scripts ask the CLI as the user types (the script
 * itself is made by ui/completion.ts from the command table).
 */

/** The workspace's issue names, as folders of sections/ name them; nothing else is read. */
export async function issueNames(cwd: string): Promise<string[]> {
  return (await listIssues(findWorkspaceRoot(cwd))).map((id) => id.slug);
}

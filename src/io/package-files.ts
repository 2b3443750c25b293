import { readFile } from 'node:fs/promises';
import type { ToolPackage } from '../core/workspace/scaffold.js';
import { packagePath } from '../paths.js';

/** This CLI's own package.json: its name, version, ranges and overrides. */
export async function readToolPackage(): Promise<ToolPackage> {
  return JSON.parse(await readFile(packagePath('package.json'), 'utf8')) as ToolPackage;
}

/** A text file the package ships (package.json's "files"), by its path in the package. */
export async function readPackageFile(path: string): Promise<string> {
  return readFile(packagePath(...path.split('/')), 'utf8');
}

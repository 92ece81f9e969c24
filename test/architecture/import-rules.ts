import { readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ModuleReference {
  /** The module specifier as written, or `<non-literal>` when it is computed at run time. */
  readonly specifier: string;
  readonly line: number;
  readonly kind: 'import' | 'export-from' | 'import-equals' | 'dynamic-import' | 'require' | 'import-type';
}

export interface Violation extends ModuleReference {
  readonly file: string;
}

/** A computed specifier cannot be checked, so it always counts as a violation. */
export const NON_LITERAL = '<non-literal>';

/**
 * Every module reference in one source text. Parsing (rather than a regex) keeps imports inside strings and comments
 * out, and catches multi-line and type-position forms a line scan would miss.
 */
export function moduleReferences(fileName: string, sourceText: string): ModuleReference[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ModuleReference[] = [];
  const add = (node: ts.Node, expr: ts.Node | undefined, kind: ModuleReference['kind']): void => {
    const specifier = expr && ts.isStringLiteralLike(expr) ? expr.text : NON_LITERAL;
    found.push({ specifier, kind, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node, node.moduleSpecifier, 'import');
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) add(node, node.moduleSpecifier, 'export-from');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, 'import-equals');
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      add(node, ts.isLiteralTypeNode(arg) ? arg.literal : undefined, 'import-type');
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], 'dynamic-import');
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require')
        add(node, node.arguments[0], 'require');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Absolute path a relative specifier points at, or null for bare/`node:`/absolute specifiers. */
export function resolveRelative(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  return resolve(dirname(fromFile), specifier);
}

export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export type ImportRule = (fromFile: string, ref: ModuleReference) => boolean;

export function checkSource(file: string, sourceText: string, allowed: ImportRule): Violation[] {
  return moduleReferences(file, sourceText)
    .filter((ref) => !allowed(file, ref))
    .map((ref) => ({ ...ref, file }));
}

export function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

export function checkTree(dir: string, allowed: ImportRule): Violation[] {
  return typeScriptFilesUnder(dir).flatMap((file) => checkSource(file, readFileSync(file, 'utf8'), allowed));
}

export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${relative(REPO_ROOT, v.file)}:${v.line} ${v.kind} '${v.specifier}'`).join('\n');
}

import { relative } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './import-rules.js';

/** Compiler options close to tsconfig.json's, enough to type the domain's event files (which import only the domain). */
export const CHECKER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

const LIST_NAME = /^[A-Z][A-Z0-9_]*_EVENT_TYPES$/;

/** `GATEWAY_FRAME_EVENT_TYPES` → `GatewayFrameEvent`: the union a list names when no type annotation says which. */
export function unionNameOf(listName: string): string {
  const words = listName
    .replace(/_TYPES$/, '')
    .toLowerCase()
    .split('_');
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

function unwrap(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isParenthesizedExpression(e) ||
    ts.isTypeAssertionExpression(e)
  )
    e = e.expression;
  return e;
}

/** The string values of a list literal (elements may be literals, string constants or spreads of other lists). */
function listValues(checker: ts.TypeChecker, expression: ts.Expression, depth = 0): string[] | string {
  const list = unwrap(expression);
  if (!ts.isArrayLiteralExpression(list)) return 'is not an array literal';
  if (depth > 10) return 'spreads lists too deep to follow';
  const values: string[] = [];
  for (const element of list.elements) {
    if (ts.isSpreadElement(element)) {
      let symbol = checker.getSymbolAtLocation(unwrap(element.expression));
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const declaration = symbol?.valueDeclaration;
      if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer)
        return `spreads ${element.expression.getText()}, which is not a list literal`;
      const spread = listValues(checker, declaration.initializer, depth + 1);
      if (typeof spread === 'string') return spread;
      values.push(...spread);
      continue;
    }
    const type = checker.getTypeAtLocation(element);
    if (!type.isStringLiteral()) return `has ${element.getText()}, which is not one string literal`;
    values.push(type.value);
  }
  return values;
}

/** The string literals of a type: a union of literals, or the `type` members of a union of event types. */
function literalsOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node, eventTypes: boolean): string[] | undefined {
  const members = type.isUnion() ? type.types : [type];
  const out: string[] = [];
  for (const member of members) {
    if (eventTypes) {
      const property = member.getProperty('type');
      const literals = property && literalsOf(checker, checker.getTypeOfSymbolAtLocation(property, at), at, false);
      if (!literals) return undefined;
      out.push(...literals);
    } else if (member.isStringLiteral()) out.push(member.value);
    else return undefined;
  }
  return out;
}

/** The event union a list must match: its annotation's or `satisfies` clause's element type, else `<Name>['type']`. */
function unionOf(checker: ts.TypeChecker, declaration: ts.VariableDeclaration, listName: string): string[] | string {
  let init = declaration.initializer;
  let stated = declaration.type;
  while (
    !stated &&
    init &&
    (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))
  ) {
    if (ts.isSatisfiesExpression(init)) stated = init.type;
    init = init.expression;
  }
  if (stated) {
    const listType = checker.getTypeFromTypeNode(stated);
    const element = checker.getIndexTypeOfType(listType, ts.IndexKind.Number);
    const literals = element && literalsOf(checker, element, declaration, false);
    return literals ?? `is typed ${stated.getText()}, not a list of event type names`;
  }
  const unionName = unionNameOf(listName);
  const source = declaration.getSourceFile();
  const alias = source.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === unionName,
  );
  if (!alias) return `has no type annotation and ${source.fileName} declares no ${unionName} union`;
  const literals = literalsOf(checker, checker.getTypeAtLocation(alias.name), alias, true);
  return literals ?? `${unionName} is not a union of events with literal types`;
}

/** Every exported `*_EVENT_TYPES` list of the given files against its event union: what is missing, extra or twice. */
export function eventTypeListMismatches(program: ts.Program, files: readonly string[]): string[] {
  const checker = program.getTypeChecker();
  const problems: string[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not in the program: ${file}`);
    for (const statement of source.statements) {
      if (
        !ts.isVariableStatement(statement) ||
        !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      )
        continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !LIST_NAME.test(declaration.name.text) || !declaration.initializer)
          continue;
        const name = `${relative(REPO_ROOT, file)} ${declaration.name.text}`;
        const listed = listValues(checker, declaration.initializer);
        const union = unionOf(checker, declaration, declaration.name.text);
        if (typeof listed === 'string') problems.push(`${name} ${listed}`);
        if (typeof union === 'string') problems.push(`${name} ${union}`);
        if (typeof listed === 'string' || typeof union === 'string') continue;
        const missing = [...new Set(union)].filter((type) => !listed.includes(type));
        const extra = listed.filter((type) => !union.includes(type));
        const twice = listed.filter((type, i) => listed.indexOf(type) !== i);
        if (missing.length > 0) problems.push(`${name} misses ${missing.join(', ')}`);
        if (extra.length > 0) problems.push(`${name} lists ${extra.join(', ')}, not in its union`);
        if (twice.length > 0) problems.push(`${name} lists ${twice.join(', ')} twice`);
      }
    }
  }
  return problems;
}

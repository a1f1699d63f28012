/**
 * Splits a SQL script into its statements at top-level semicolons, leaving semicolons inside
 * string literals ('…', E'…'), quoted identifiers ("…"), dollar-quoted bodies ($tag$…$tag$) and
 * comments (-- …, nested /* … *\/) alone. Used for migrations that must run outside a transaction:
 * Postgres runs a multi-statement query string as one implicit transaction, where
 * CREATE INDEX CONCURRENTLY is refused, so such a file is sent one statement at a time.
 * Statements that are only comments or whitespace are dropped.
 */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  let meaningful = false;
  const push = (end: number) => {
    const statement = sql.slice(start, end).trim();
    if (meaningful && statement.length > 0) statements.push(statement);
    meaningful = false;
  };
  while (i < sql.length) {
    const char = sql[i]!;
    const next = sql[i + 1];
    if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      let depth = 1;
      i += 2;
      while (i < sql.length && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (char === "'" || char === '"') {
      meaningful = true;
      // A doubled quote is an escaped quote; E'…' strings may also escape with a backslash.
      const escapes = char === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[\w$]/.test(sql[i - 2] ?? '');
      i++;
      while (i < sql.length) {
        if (escapes && sql[i] === '\\') i += 2;
        else if (sql[i] === char && sql[i + 1] === char) i += 2;
        else if (sql[i] === char) break;
        else i++;
      }
      i++;
    } else if (char === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$([A-Za-z_][\w]*)?\$/.exec(sql.slice(i));
      meaningful = true;
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? sql.length : end + tag[0].length;
      } else i++;
    } else if (char === ';') {
      push(i);
      start = ++i;
    } else {
      if (!/\s/.test(char)) meaningful = true;
      i++;
    }
  }
  push(sql.length);
  return statements;
}

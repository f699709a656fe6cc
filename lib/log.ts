import 'server-only';

type Fields = Record<string, string | number | boolean | null | undefined>;

/**
 * Structured one-line JSON logs. Callers pass only non-sensitive fields: never tokens, keys,
 * or personal data (ids and statuses are fine).
 */
function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};

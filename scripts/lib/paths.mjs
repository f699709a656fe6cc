import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (scripts/lib/../..). Every child process runs with this as its cwd. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A binary installed in node_modules/.bin. */
export const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

import { loadConfig } from '../config';
import { openDb } from '../db';
import { demoAccountsText, reseed } from '../seed';

/**
 * `npm run sandbox:reset`: wipes the sandbox's customers and staff and writes the seed again,
 * directly in the SQLite file. Safe while the sandbox runs (it reads the database on every
 * request; SQLite's WAL mode keeps the two processes consistent). Signing keys, OIDC sessions
 * and refresh tokens are kept.
 */
const config = loadConfig();
const db = openDb(config.dataDir);
reseed(db);
db.close();
console.log(`Sandbox data in ${config.dataDir} re-seeded.\n${demoAccountsText()}`);

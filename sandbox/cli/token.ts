import { loadConfig } from '../config';
import { findStaffByEmail, getCustomer, getStaff, openDb } from '../db';
import { seedIfEmpty } from '../seed';
import { signAccessToken } from '../tokens';

/**
 * Prints only an access token (JWT) on stdout, signed like the sandbox's issuers sign them.
 *   npm run -s sandbox:token -- 123456789                       customer token
 *   npm run -s sandbox:token -- --staff agent@clubmed.example   staff token (email or staff id)
 * Works with or without a running sandbox: it reads (or creates) the same data dir.
 */
const USAGE = 'Usage: sandbox:token -- <customerId> | --staff <email or staff id>';

async function main(args: string[]): Promise<string> {
  const config = loadConfig();
  const db = openDb(config.dataDir);
  try {
    seedIfEmpty(db);
    if (args[0] === '--staff') {
      const who = args[1];
      if (!who || args.length > 2) throw new Error(USAGE);
      const staff = who.includes('@') ? findStaffByEmail(db, who) : getStaff(db, who);
      if (!staff) throw new Error(`No staff account ${who}`);
      return await signAccessToken(config, { realm: 'staff', staffId: staff.id, name: staff.name, email: staff.email });
    }
    const customerId = args[0];
    if (!customerId || args.length > 1 || !/^[1-9][0-9]*$/.test(customerId)) throw new Error(USAGE);
    if (!getCustomer(db, customerId)) throw new Error(`No customer ${customerId} in ${config.dataDir}`);
    return await signAccessToken(config, { realm: 'customer', customerId });
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (token) => process.stdout.write(`${token}\n`),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);

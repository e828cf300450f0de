/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import { loadDotEnv, openDatabase } from '../server/dev/bootstrap';

loadDotEnv();
const database = await openDatabase((line) => console.log(line));
await database.stop();

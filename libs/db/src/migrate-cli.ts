// Applies prisma/migrations offline (see README, "Migrations"). Usage: DATABASE_URL=… pnpm db:migrate
import { applyMigrations, createPgPool, MIGRATIONS_DIR } from './index';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: point it at the database to migrate.');
  const pool = createPgPool({ url, poolSize: 1 });
  try {
    const results = await applyMigrations(pool, MIGRATIONS_DIR);
    for (const { name, applied } of results) console.log(`${applied ? 'applied' : 'up to date'}  ${name}`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Paths are resolved from this file so every workspace package can point the CLI here.
export default defineConfig({
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  datasource: {
    // `prisma generate` needs no database; the URL only matters for CLI commands that connect.
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/jobmatch',
  },
});

// Shared jest setup: swc transpiles TypeScript (with decorator metadata for Nest),
// and @jobmatch/* imports resolve to library sources so tests never need a prior build.
const path = require('node:path');

const libsDir = path.join(__dirname, 'libs');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      require.resolve('@swc/jest'),
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    // Generated Prisma code imports siblings as './x.js'; map those to the TypeScript sources.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@jobmatch/([a-z-]+)$': `${libsDir}/$1/src/index.ts`,
    '^@jobmatch/([a-z-]+)/(.*)$': `${libsDir}/$1/src/$2`,
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // content-disposition 3 (under @fastify/static, which serves the Swagger UI) ships only ES
  // modules: Node requires them, Jest needs them transpiled to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/content-disposition@[^/]+/node_modules/)?content-disposition/)'],
};

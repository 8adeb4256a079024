// Tests are TypeScript, transpiled by swc (no type check here: `npm run typecheck` does that, and `npm test` runs it).
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 60000,
  // Test files run side by side: each has its own temporary folders, cell files, tmux socket and
  // LibreOffice profile, and the fuzz's change of working folder stays within its worker process.
  maxWorkers: 2,
  // Jest's cache beside the project, not in the OS temporary folder.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};

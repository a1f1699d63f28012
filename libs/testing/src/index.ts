export * from './database';
export * from './redis';
export * from './embedder-process';
export * from './node-process';
export * from './onet-data';
export * from './onet-release';

export * from './database';
export * from './redis';
export * from './embedder-process';
export * from './node-process';
export * from './real-model';
export * from './hostile-json';
export * from './onet-data';
export * from './onet-release';

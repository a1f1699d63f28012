export * from './queue';
export * from './rpc';
export * from './models';
export * from './errors';
export * from './hashing';
export * from './query-cache';
export * from './personal-data';
export * from './access';

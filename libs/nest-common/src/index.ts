export * from './errors';
export * from './api-error.filter';
export * from './validation';
export * from './logging';
export * from './metrics';
export * from './health';
export * from './http-app';
export * from './infrastructure';

export * from './embedding-provider';
export * from './onnx-embedding-provider';
export * from './remote-embedding-provider';
export * from './micro-batcher';
export * from './model-files';
export * from './text-preprocessing';
export * from './text-tokenizer';
export * from './pooling';

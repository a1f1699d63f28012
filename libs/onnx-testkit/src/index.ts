export * from './bert-graph';
export * from './onnx-proto';
export * from './wordpiece-tokenizer';
export * from './prepare-test-model-dir';

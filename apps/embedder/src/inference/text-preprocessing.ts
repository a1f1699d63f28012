/**
 * The text normalization applied before tokenization. It is the one the query cache keys on, so
 * it lives in @jobmatch/contracts and both sides always agree.
 */
export { normalizeEmbeddingInput as preprocessText } from '@jobmatch/contracts';

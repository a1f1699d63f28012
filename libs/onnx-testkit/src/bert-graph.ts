import { OnnxAttributeType, OnnxDataType, onnxModelProto } from './onnx-proto';
import { hashSeed, normalFloat32 } from './random';

/** Shape of a BERT encoder (the fields of a Hugging Face BertConfig that change the graph). */
export interface BertShape {
  layers: number;
  hidden: number;
  heads: number;
  intermediate: number;
  vocab: number;
  maxPositions: number;
}

export type BertPresetName = 'tiny' | 'mini384' | 'mini768' | 'minilm';

/**
 * tiny: fast unit tests (hidden 32).
 * mini384: smallest model whose vectors have the registry's 384 dimensions (what the database stores),
 *   for service/end-to-end tests.
 * mini768: the same with 768 dimensions (all-mpnet-base-v2's), for the mechanics of a switch to a
 *   model of another dimension (random weights: its vectors mean nothing).
 * minilm: the exact sentence-transformers/all-MiniLM-L6-v2 shape, for benchmarks.
 * `vocab` is a default; the folder helper sets it to the tokenizer's size.
 */
export const BERT_PRESETS: Record<BertPresetName, BertShape> = {
  tiny: { layers: 2, hidden: 32, heads: 2, intermediate: 64, vocab: 30522, maxPositions: 512 },
  mini384: { layers: 1, hidden: 384, heads: 6, intermediate: 256, vocab: 30522, maxPositions: 512 },
  mini768: { layers: 1, hidden: 768, heads: 12, intermediate: 256, vocab: 30522, maxPositions: 512 },
  minilm: { layers: 6, hidden: 384, heads: 12, intermediate: 1536, vocab: 30522, maxPositions: 512 },
};

export interface BertGraphOptions {
  shape: BertShape;
  /**
   * true: the patterns ONNX Runtime's quantize_dynamic (default op types, weight_type QInt8) writes:
   * - every linear layer's weight stored as int8 (symmetric, per tensor) with its input quantized at run time
   *   (DynamicQuantizeLinear + MatMulInteger + scale Mul);
   * - every Gather that reads an initializer (word, position and token-type embedding tables) reads a uint8
   *   copy of the table (its GatherQuant: `<table>_quantized` + `_scale` + `_zero_point` initializers), and a
   *   DequantizeLinear turns the gathered rows back into float.
   * The quantized tensors are the fp32 model's tensors quantized, so both variants compute nearly the same thing.
   */
  quantized?: boolean;
  seed?: number;
}

interface Initializer {
  name: string;
  dims: number[];
  data_type: number;
  raw_data: Uint8Array;
}

interface Attribute {
  name: string;
  type: number;
  i?: number;
  f?: number;
  ints?: number[];
}

interface Node {
  input: string[];
  output: string[];
  op_type: string;
  name: string;
  attribute: Attribute[];
}

type AttributeValue = number | number[] | { float: number };

const bytesOf = (view: ArrayBufferView): Uint8Array => new Uint8Array(view.buffer, view.byteOffset, view.byteLength);

/** numpy's round (ties to even), which ONNX Runtime's quantizer uses. */
const roundHalfToEven = (value: number): number => {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
};

/**
 * Builds the same computation as an optimum export of a BERT encoder (and as
 * ../shared/tools/make_bert_onnx.py): embeddings (word + position + token type, LayerNorm), then per layer
 * multi-head self-attention with an additive mask, residual + LayerNorm, GELU (erf) feed-forward,
 * residual + LayerNorm. Inputs input_ids / attention_mask / token_type_ids (int64 [batch, seq]);
 * output last_hidden_state (float [batch, seq, hidden]).
 */
export function buildBertModel(options: BertGraphOptions): Uint8Array {
  const { shape } = options;
  const seed = options.seed ?? 7;
  const quantized = options.quantized ?? false;
  const { hidden: H, heads: NH, intermediate: I } = shape;
  if (H % NH !== 0) throw new Error(`hidden (${H}) must be divisible by heads (${NH})`);
  const headDim = H / NH;

  const initializers = new Map<string, Initializer>();
  const nodes: Node[] = [];
  let counter = 0;

  const addInit = (name: string, dims: number[], dataType: number, data: ArrayBufferView): string => {
    if (!initializers.has(name)) initializers.set(name, { name, dims, data_type: dataType, raw_data: bytesOf(data) });
    return name;
  };
  const randomWeight = (name: string, dims: number[]): Float32Array =>
    normalFloat32(
      dims.reduce((a, b) => a * b, 1),
      0.02,
      hashSeed(seed, name),
    );
  const weight = (name: string, dims: number[]) => addInit(name, dims, OnnxDataType.FLOAT, randomWeight(name, dims));
  const filled = (name: string, size: number, value: number) =>
    addInit(name, [size], OnnxDataType.FLOAT, new Float32Array(size).fill(value));
  const int64Const = (name: string, value: number | number[]) =>
    addInit(
      name,
      Array.isArray(value) ? [value.length] : [],
      OnnxDataType.INT64,
      BigInt64Array.from((Array.isArray(value) ? value : [value]).map(BigInt)),
    );
  const floatConst = (name: string, value: number) => addInit(name, [], OnnxDataType.FLOAT, Float32Array.of(value));

  const toAttributes = (attrs: Record<string, AttributeValue>): Attribute[] =>
    Object.entries(attrs).map(([name, value]) => {
      if (Array.isArray(value)) return { name, type: OnnxAttributeType.INTS, ints: value };
      if (typeof value === 'object') return { name, type: OnnxAttributeType.FLOAT, f: value.float };
      return { name, type: OnnxAttributeType.INT, i: value };
    });
  const op = (kind: string, inputs: string[], attrs: Record<string, AttributeValue> = {}): string => {
    counter += 1;
    const output = `${kind.toLowerCase()}_${counter}`;
    nodes.push({
      input: inputs,
      output: [output],
      op_type: kind,
      name: `${kind}_${counter}`,
      attribute: toAttributes(attrs),
    });
    return output;
  };

  const layerNorm = (x: string, prefix: string) =>
    op('LayerNormalization', [x, filled(`${prefix}.g`, H, 1), filled(`${prefix}.b`, H, 0)], {
      axis: -1,
      epsilon: { float: 1e-12 },
    });

  const linear = (x: string, prefix: string, inDim: number, outDim: number): string => {
    const bias = filled(`${prefix}.b`, outDim, 0);
    const fp32 = randomWeight(`${prefix}.W`, [inDim, outDim]);
    if (!quantized)
      return op('Add', [op('MatMul', [x, addInit(`${prefix}.W`, [inDim, outDim], OnnxDataType.FLOAT, fp32)]), bias]);
    // Symmetric per-tensor int8 weights, as quantize_dynamic(weight_type=QInt8) does.
    let maxAbs = 0;
    for (const value of fp32) maxAbs = Math.max(maxAbs, Math.abs(value));
    const weightScale = maxAbs / 127;
    const int8 = new Int8Array(fp32.length);
    for (let index = 0; index < fp32.length; index++) {
      int8[index] = Math.max(-127, Math.min(127, Math.round(fp32[index] / weightScale)));
    }
    const wq = addInit(`${prefix}.Wq`, [inDim, outDim], OnnxDataType.INT8, int8);
    counter += 1;
    const [xq, xScale, xZero] = [`dql_${counter}_q`, `dql_${counter}_s`, `dql_${counter}_z`];
    nodes.push({
      input: [x],
      output: [xq, xScale, xZero],
      op_type: 'DynamicQuantizeLinear',
      name: `DynamicQuantizeLinear_${counter}`,
      attribute: [],
    });
    const acc = op('MatMulInteger', [xq, wq, xZero, addInit(`${prefix}.Wz`, [], OnnxDataType.INT8, Int8Array.of(0))]);
    const scale = op('Mul', [xScale, floatConst(`${prefix}.Ws`, weightScale)]);
    return op('Add', [op('Mul', [op('Cast', [acc], { to: OnnxDataType.FLOAT }), scale]), bias]);
  };

  /**
   * Rows of an embedding table. int8 variant: what quantize_dynamic's GatherQuant writes for a Gather on an
   * initializer. It quantizes the table as an activation (uint8) with the weight type's symmetry (QInt8 →
   * symmetric): scale = 2·max|x| / 255, zero point 128, q = clip(round(x / scale) + 128, 0, 255); the Gather
   * reads the uint8 table and a DequantizeLinear (named `<output>_DequantizeLinear`) restores the float rows.
   */
  const embeddingLookup = (name: string, dims: number[], indices: string): string => {
    if (!quantized) return op('Gather', [weight(name, dims), indices]);
    const fp32 = randomWeight(name, dims);
    let maxAbs = 0;
    for (const value of fp32) maxAbs = Math.max(maxAbs, Math.abs(value));
    const tableScale = Math.fround((2 * maxAbs) / 255);
    const zeroPoint = 128;
    const uint8 = new Uint8Array(fp32.length);
    for (let index = 0; index < fp32.length; index++) {
      const level = roundHalfToEven(Math.fround(fp32[index] / tableScale)) + zeroPoint;
      uint8[index] = Math.max(0, Math.min(255, level));
    }
    const table = addInit(`${name}_quantized`, dims, OnnxDataType.UINT8, uint8);
    const scaleName = floatConst(`${name}_scale`, tableScale);
    const zeroPointName = addInit(`${name}_zero_point`, [], OnnxDataType.UINT8, Uint8Array.of(zeroPoint));
    counter += 1;
    const output = `gather_${counter}`;
    nodes.push({
      input: [table, indices],
      output: [`${output}_quantized`],
      op_type: 'Gather',
      name: `Gather_${counter}`,
      attribute: [],
    });
    nodes.push({
      input: [`${output}_quantized`, scaleName, zeroPointName],
      output: [output],
      op_type: 'DequantizeLinear',
      name: `${output}_DequantizeLinear`,
      attribute: [],
    });
    return output;
  };

  // Embeddings.
  const seqLen = op('Gather', [op('Shape', ['input_ids']), int64Const('c.one', 1)], { axis: 0 });
  const positions = op('Range', [int64Const('c.zero', 0), seqLen, int64Const('c.step', 1)]);
  let x = op('Add', [
    embeddingLookup('emb.word', [shape.vocab, H], 'input_ids'),
    embeddingLookup('emb.pos', [shape.maxPositions, H], positions),
  ]);
  x = op('Add', [x, embeddingLookup('emb.type', [2, H], 'token_type_ids')]);
  x = layerNorm(x, 'emb.ln');

  // Additive attention mask [batch, 1, 1, seq]: 0 where attended, -10000 on padding.
  const mask = op('Cast', [op('Unsqueeze', ['attention_mask', int64Const('c.ax12', [1, 2])])], {
    to: OnnxDataType.FLOAT,
  });
  const maskBias = op('Mul', [op('Sub', [floatConst('c.f1', 1), mask]), floatConst('c.neg', -10000)]);
  const splitHeads = int64Const('c.split', [0, 0, NH, headDim]);
  const mergeHeads = int64Const('c.merge', [0, 0, H]);
  const attentionScale = floatConst('c.scale', 1 / Math.sqrt(headDim));

  for (let layer = 0; layer < shape.layers; layer++) {
    const prefix = `l${layer}`;
    const q = op('Transpose', [op('Reshape', [linear(x, `${prefix}.q`, H, H), splitHeads])], { perm: [0, 2, 1, 3] });
    const k = op('Transpose', [op('Reshape', [linear(x, `${prefix}.k`, H, H), splitHeads])], { perm: [0, 2, 3, 1] });
    const v = op('Transpose', [op('Reshape', [linear(x, `${prefix}.v`, H, H), splitHeads])], { perm: [0, 2, 1, 3] });
    const scores = op('Add', [op('Mul', [op('MatMul', [q, k]), attentionScale]), maskBias]);
    let context = op('MatMul', [op('Softmax', [scores], { axis: -1 }), v]);
    context = op('Reshape', [op('Transpose', [context], { perm: [0, 2, 1, 3] }), mergeHeads]);
    x = layerNorm(op('Add', [x, linear(context, `${prefix}.o`, H, H)]), `${prefix}.ln1`);
    const h = linear(x, `${prefix}.ff1`, H, I);
    const gelu = op('Mul', [
      op('Mul', [h, floatConst('c.half', 0.5)]),
      op('Add', [op('Erf', [op('Div', [h, floatConst('c.sqrt2', Math.SQRT2)])]), floatConst('c.f1b', 1)]),
    ]);
    x = layerNorm(op('Add', [x, linear(gelu, `${prefix}.ff2`, I, H)]), `${prefix}.ln2`);
  }
  nodes.push({ input: [x], output: ['last_hidden_state'], op_type: 'Identity', name: 'Identity_out', attribute: [] });

  const dynamic = [{ dim_param: 'batch_size' }, { dim_param: 'sequence_length' }];
  const int64Input = (name: string) => ({
    name,
    type: { tensor_type: { elem_type: OnnxDataType.INT64, shape: { dim: dynamic } } },
  });
  const model = {
    ir_version: 8,
    opset_import: [{ domain: '', version: 17 }],
    producer_name: 'jobmatch-onnx-testkit',
    producer_version: '1',
    graph: {
      name: 'bert_random',
      node: nodes,
      initializer: [...initializers.values()],
      input: ['input_ids', 'attention_mask', 'token_type_ids'].map(int64Input),
      output: [
        {
          name: 'last_hidden_state',
          type: { tensor_type: { elem_type: OnnxDataType.FLOAT, shape: { dim: [...dynamic, { dim_value: H }] } } },
        },
      ],
    },
  };
  const type = onnxModelProto();
  return type.encode(type.fromObject(model)).finish();
}

/** A Hugging Face BertConfig (config.json) describing the generated graph. */
export function bertConfigJson(shape: BertShape, name: string): Record<string, unknown> {
  return {
    _name_or_path: name,
    architectures: ['BertModel'],
    attention_probs_dropout_prob: 0.1,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    hidden_size: shape.hidden,
    initializer_range: 0.02,
    intermediate_size: shape.intermediate,
    layer_norm_eps: 1e-12,
    max_position_embeddings: shape.maxPositions,
    model_type: 'bert',
    num_attention_heads: shape.heads,
    num_hidden_layers: shape.layers,
    pad_token_id: 0,
    position_embedding_type: 'absolute',
    type_vocab_size: 2,
    vocab_size: shape.vocab,
  };
}

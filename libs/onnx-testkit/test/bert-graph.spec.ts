import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BERT_PRESETS, buildBertModel } from '../src/bert-graph';
import { decodeOnnxModel } from '../src/onnx-proto';
import { prepareTestModelDir } from '../src/prepare-test-model-dir';
import { generateWordPieceTokenizer } from '../src/wordpiece-tokenizer';

interface DecodedGraph {
  node: Array<{ op_type: string; input: string[]; output: string[] }>;
  initializer: Array<{ name: string; dims?: number[]; data_type: number; raw_data: number[] }>;
  input: Array<{
    name: string;
    type: { tensor_type: { elem_type: number; shape: { dim: Array<Record<string, unknown>> } } };
  }>;
  output: Array<{
    name: string;
    type: { tensor_type: { elem_type: number; shape: { dim: Array<Record<string, unknown>> } } };
  }>;
}

const decodeGraph = (bytes: Uint8Array) => {
  const model = decodeOnnxModel(bytes) as {
    ir_version: number;
    opset_import: Array<{ version: number }>;
    graph: DecodedGraph;
  };
  return model;
};
const count = (graph: DecodedGraph, op: string) => graph.node.filter((node) => node.op_type === op).length;

describe('buildBertModel', () => {
  const shape = { ...BERT_PRESETS.tiny, vocab: 50 };

  it('declares the Hugging Face export interface: three int64 [batch, seq] inputs → last_hidden_state [batch, seq, hidden]', () => {
    const model = decodeGraph(buildBertModel({ shape }));
    expect(model.ir_version).toBe(8);
    expect(model.opset_import[0].version).toBe(17);
    expect(model.graph.input.map((input) => input.name)).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    for (const input of model.graph.input) {
      expect(input.type.tensor_type.elem_type).toBe(7); // INT64
      expect(input.type.tensor_type.shape.dim).toEqual([{ dim_param: 'batch_size' }, { dim_param: 'sequence_length' }]);
    }
    const [output] = model.graph.output;
    expect(output.name).toBe('last_hidden_state');
    expect(output.type.tensor_type.elem_type).toBe(1); // FLOAT
    expect(output.type.tensor_type.shape.dim).toEqual([
      { dim_param: 'batch_size' },
      { dim_param: 'sequence_length' },
      { dim_value: 32 },
    ]);
  });

  it('has the weights of every layer with the configured shapes', () => {
    const { graph } = decodeGraph(buildBertModel({ shape }));
    const dims = (name: string) => graph.initializer.find((init) => init.name === name)?.dims;
    expect(dims('emb.word')).toEqual([50, 32]);
    expect(dims('emb.pos')).toEqual([512, 32]);
    expect(dims('emb.type')).toEqual([2, 32]);
    expect(dims('l1.ff1.W')).toEqual([32, 64]);
    expect(dims('l1.ff2.W')).toEqual([64, 32]);
    expect(dims('l2.q.W')).toBeUndefined(); // two layers: l0, l1
    expect(count(graph, 'Softmax')).toBe(2);
    expect(count(graph, 'LayerNormalization')).toBe(1 + 2 * 2);
  });

  it('matches the node and initializer counts of the reference generator (make_bert_onnx.py) for the MiniLM shape', () => {
    // Reference counts from make_bert_onnx.py defaults: fp32 218 nodes / 113 initializers, --int8 362 / 185.
    // Our int8 graph also quantizes the three embedding Gathers as quantize_dynamic does (make_bert_onnx.py
    // keeps those tables fp32): +3 DequantizeLinear nodes, +3 scale and +3 zero-point initializers.
    // Counted on a 2-layer graph and extrapolated per layer, so the test stays fast.
    const perLayer = (quantized: boolean) => {
      const one = decodeGraph(buildBertModel({ shape: { ...shape, layers: 1 }, quantized })).graph;
      const two = decodeGraph(buildBertModel({ shape: { ...shape, layers: 2 }, quantized })).graph;
      const nodes = two.node.length - one.node.length;
      const inits = two.initializer.length - one.initializer.length;
      return { nodes: one.node.length + 5 * nodes, inits: one.initializer.length + 5 * inits };
    };
    expect(perLayer(false)).toEqual({ nodes: 218, inits: 113 });
    expect(perLayer(true)).toEqual({ nodes: 362 + 3, inits: 185 + 6 });
  });

  it('writes the dynamic-quantization pattern for int8: DynamicQuantizeLinear → MatMulInteger → Cast → Mul(scale)', () => {
    const { graph } = decodeGraph(buildBertModel({ shape, quantized: true }));
    const linearsPerLayer = 6; // q, k, v, o, ff1, ff2
    expect(count(graph, 'DynamicQuantizeLinear')).toBe(linearsPerLayer * shape.layers);
    expect(count(graph, 'MatMulInteger')).toBe(linearsPerLayer * shape.layers);
    const weight = graph.initializer.find((init) => init.name === 'l0.q.Wq')!;
    expect(weight.data_type).toBe(3); // INT8
    const matMulInteger = graph.node.find((node) => node.op_type === 'MatMulInteger')!;
    const quantize = graph.node.find((node) => node.op_type === 'DynamicQuantizeLinear')!;
    expect(matMulInteger.input).toEqual([quantize.output[0], 'l0.q.Wq', quantize.output[2], 'l0.q.Wz']);
    // Only attention score MatMuls stay float.
    expect(count(graph, 'MatMul')).toBe(2 * shape.layers);
  });

  it('quantizes Gathers on embedding tables as quantize_dynamic does: uint8 table + scale + zero point, Gather, DequantizeLinear', () => {
    const fp32Graph = decodeGraph(buildBertModel({ shape })).graph;
    const { graph } = decodeGraph(buildBertModel({ shape, quantized: true }));
    const init = (name: string) => graph.initializer.find((entry) => entry.name === name);
    for (const [table, dims] of [
      ['emb.word', [50, 32]],
      ['emb.pos', [512, 32]],
      ['emb.type', [2, 32]],
    ] as const) {
      expect(init(table)).toBeUndefined(); // no fp32 copy left
      expect(init(`${table}_quantized`)).toMatchObject({ dims, data_type: 2 }); // UINT8
      expect(init(`${table}_scale`)).toMatchObject({ data_type: 1 }); // FLOAT scalar
      expect(init(`${table}_zero_point`)).toMatchObject({ data_type: 2, raw_data: [128] });
      const gather = graph.node.find((node) => node.op_type === 'Gather' && node.input[0] === `${table}_quantized`)!;
      const dequantize = graph.node.find((node) => node.input[0] === gather.output[0])!;
      expect(dequantize.op_type).toBe('DequantizeLinear');
      expect(dequantize.input).toEqual([gather.output[0], `${table}_scale`, `${table}_zero_point`]);
      expect(gather.output[0]).toBe(`${dequantize.output[0]}_quantized`);

      // Dequantized rows are the fp32 rows within half a quantization step.
      const original = new Float32Array(
        Uint8Array.from(fp32Graph.initializer.find((entry) => entry.name === table)!.raw_data).buffer,
      );
      const levels = Uint8Array.from(init(`${table}_quantized`)!.raw_data);
      const scale = new Float32Array(Uint8Array.from(init(`${table}_scale`)!.raw_data).buffer)[0];
      let worst = 0;
      for (let index = 0; index < original.length; index++) {
        worst = Math.max(worst, Math.abs((levels[index] - 128) * scale - original[index]));
      }
      expect(worst).toBeLessThanOrEqual(scale / 2 + 1e-7);
    }
    // The sequence-length Gather reads Shape's output, not an initializer: left alone.
    expect(count(graph, 'Gather')).toBe(4);
    expect(count(graph, 'DequantizeLinear')).toBe(3);
  });

  it('is deterministic for a seed and different across seeds', () => {
    const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(digest(buildBertModel({ shape, seed: 3 }))).toBe(digest(buildBertModel({ shape, seed: 3 })));
    expect(digest(buildBertModel({ shape, seed: 3 }))).not.toBe(digest(buildBertModel({ shape, seed: 4 })));
  });

  it('draws weights with the configured scale (std ≈ 0.02)', () => {
    const { graph } = decodeGraph(buildBertModel({ shape: { ...shape, vocab: 2000 } }));
    const raw = Uint8Array.from(graph.initializer.find((init) => init.name === 'emb.word')!.raw_data);
    const values = new Float32Array(raw.buffer);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const std = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.001);
    expect(std).toBeGreaterThan(0.019);
    expect(std).toBeLessThan(0.021);
  });

  it('rejects a hidden size the heads do not divide', () => {
    expect(() => buildBertModel({ shape: { ...shape, heads: 3 } })).toThrow(/divisible/);
  });
});

describe('generateWordPieceTokenizer', () => {
  it('produces a BERT WordPiece tokenizer.json with the special tokens and a ## variant of every character', () => {
    const { tokenizerJson, vocabSize } = generateWordPieceTokenizer();
    const model = tokenizerJson.model as { type: string; vocab: Record<string, number> };
    expect(model.type).toBe('WordPiece');
    expect(Object.keys(model.vocab)).toHaveLength(vocabSize);
    for (const token of ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'a', '##a', '+', '##+', '#', 'engineer']) {
      expect(model.vocab[token]).toBeDefined();
    }
    expect(new Set(Object.values(model.vocab)).size).toBe(vocabSize); // ids unique
  });
});

describe('prepareTestModelDir', () => {
  it('writes a Hugging Face–layout folder with a generated tokenizer under the OS temp dir, with a spec pinning its files', async () => {
    const model = await prepareTestModelDir({ preset: 'tiny', tokenizer: 'generated', quantized: true });
    expect(model.tokenizerSource).toBe('generated');
    expect(model.modelPath.startsWith(tmpdir())).toBe(true);
    for (const file of [
      'tokenizer.json',
      'tokenizer_config.json',
      'config.json',
      'onnx/model.onnx',
      'onnx/model_quantized.onnx',
    ]) {
      expect(existsSync(join(model.modelPath, file))).toBe(true);
    }
    expect(model.shape.vocab).toBe(generateWordPieceTokenizer().vocabSize);
    expect(model.spec.dimension).toBe(32);
    const tokenizerEntry = model.spec.files.find((file) => file.path === 'tokenizer.json')!;
    expect(tokenizerEntry.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(join(model.modelPath, 'tokenizer.json')))
        .digest('hex'),
    );
    expect(JSON.parse(readFileSync(model.specFile, 'utf8'))).toEqual(model.spec);
    const config = JSON.parse(readFileSync(join(model.modelPath, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({
      model_type: 'bert',
      hidden_size: 32,
      num_hidden_layers: 2,
      vocab_size: model.shape.vocab,
    });
  });
});

import { Controller, UseFilters, UseGuards } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EmbedderRpc, type EmbedResponse, type ModelInfoResponse } from '@jobmatch/contracts';
import { EmbeddingService } from '../embedding/embedding.service';
import { EmbedderMetrics } from '../metrics/embedder-metrics';
import { EmbedRequestDto } from './embed-request.dto';
import { EmbedRequestPipe } from './embed-request.pipe';
import { RpcAuthGuard } from './rpc-auth.guard';
import { EmbedderRpcExceptionFilter } from './rpc-exception.filter';

/** The embedder's RPC surface (TCP microservice): validate, call the service, map the result. */
@Controller()
@UseFilters(EmbedderRpcExceptionFilter)
@UseGuards(RpcAuthGuard)
export class EmbedderRpcController {
  constructor(
    private readonly embeddings: EmbeddingService,
    private readonly metrics: EmbedderMetrics,
  ) {}

  @MessagePattern(EmbedderRpc.Embed)
  async embed(@Payload(EmbedRequestPipe) request: EmbedRequestDto): Promise<EmbedResponse> {
    const stopTimer = this.metrics.rpcDuration.startTimer({ pattern: EmbedderRpc.Embed });
    try {
      const result = await this.embeddings.embed(request.texts, request.kind ?? 'query', request.modelId);
      this.metrics.rpcRequests.inc({ pattern: EmbedderRpc.Embed, outcome: 'ok' });
      return {
        modelId: result.modelId,
        dimension: result.dimension,
        // JSON transport: plain arrays (float32 values widen to doubles exactly).
        vectors: result.vectors.map((vector) => Array.from(vector)),
      };
    } finally {
      stopTimer();
    }
  }

  @MessagePattern(EmbedderRpc.ModelInfo)
  modelInfo(): ModelInfoResponse {
    this.metrics.rpcRequests.inc({ pattern: EmbedderRpc.ModelInfo, outcome: 'ok' });
    return this.embeddings.modelInfo();
  }
}

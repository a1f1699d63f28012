/** The one error body every HTTP API returns. `code` is stable; `message` is for people. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

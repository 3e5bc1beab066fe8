import { apiError } from '@pd-desk/shared/integrations/api.schemas';
import { integrationEvent } from '@pd-desk/shared/integrations/integration-events';
import { z } from 'zod';
import { API_OPERATIONS, type ApiOperation } from './api-spec';

type JsonSchema = Record<string, unknown>;

/** zod v4 writes JSON Schema 2020-12, the dialect of OpenAPI 3.1: the request side (what a caller sends). */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const STATUS_TEXT: Record<number, string> = {
  400: 'Некорректный запрос (code: invalid_request, invalid_phone, invalid_email, unknown_purpose…)',
  401: 'Нет ключа, ключ не найден, отозван или истёк (missing_key, invalid_key, revoked_key, expired_key)',
  403: 'Ключу не разрешено это действие (insufficient_scope, foreign_system)',
  409: 'Конфликт (idempotency_conflict, record_not_active)',
  429: 'Превышен лимит запросов ключа (rate_limited), см. Retry-After',
};

function operationObject(op: ApiOperation) {
  const headers = op.idempotencyKey
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: op.idempotencyKey === 'required',
          description: 'Уникальная строка на запрос: повтор с тем же ключом и телом вернёт первый ответ',
          schema: { type: 'string', maxLength: 200 },
        },
      ]
    : [];
  const success = {
    description: 'Успешно',
    ...(op.method === 'GET' && op.csv ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
    content: {
      'application/json': { schema: schemaOf(op.response, 'output') },
      ...(op.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
    },
  };
  const errors = [400, 401, 403, 429, ...(op.method === 'GET' ? [] : [409])];
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: ['API'],
    'x-scope': op.scope,
    security: [{ apiKey: [op.scope] }],
    parameters: [...parametersOf(op.params, 'path'), ...parametersOf(op.query, 'query'), ...headers],
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input') } } } }
      : {}),
    responses: {
      [String(op.status)]: success,
      ...(op.operationId === 'putRecord' ? { '201': { ...success, description: 'Запись создана' } } : {}),
      ...(op.csv ? { '304': { description: 'Список не изменился с прошлого ETag (If-None-Match)' } } : {}),
      ...Object.fromEntries(errors.map((s) => [String(s), errorResponse(STATUS_TEXT[s] ?? 'Ошибка')])),
    },
  };
}

let cached: JsonSchema | null = null;

/** The OpenAPI 3.1 document of /api/v1, built from the same zod schemas and route list the server uses. */
export function buildOpenApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) {
    paths[op.path] = { ...paths[op.path], [op.method.toLowerCase()]: operationObject(op) };
  }
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'PD Desk — API для систем клиники',
      version: '1.0.0',
      description:
        'Проверка разрешений, стоп-лист, согласия, обращения с сайта и сведения о записях ПДн. ' +
        'Ключ — в заголовке Authorization: Bearer <ключ>; у каждого метода своя область доступа (x-scope). ' +
        'Ошибки — JSON { code, message } с русским сообщением.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }],
    paths,
    webhooks: {
      integrationEvent: {
        post: {
          summary: 'Событие для подписанной системы (блокировка, снятие, отзыв согласия, прекращение обработки)',
          description:
            'Подпись: X-PD-Desk-Signature = sha256=HEX(HMAC-SHA256(secret, timestamp + "." + тело)); ' +
            'X-PD-Desk-Timestamp — секунды Unix. Повторяется с нарастающей паузой до ответа 2xx; id события — для отсева повторов.',
          parameters: [
            { name: 'X-PD-Desk-Signature', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'X-PD-Desk-Timestamp', in: 'header', required: true, schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(integrationEvent, 'output') } },
          },
          responses: { '200': { description: 'Принято (любой 2xx)' } },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Ключ системы (pdd_…), выдаётся администратором PD Desk',
        },
      },
      schemas: { Error: schemaOf(apiError, 'output') },
    },
  };
  return cached;
}

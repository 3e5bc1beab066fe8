import {
  consentInput,
  consentResponse,
  permissionsQuery,
  permissionsResponse,
  recordInput,
  recordPathParams,
  recordResponse,
  requestInput,
  requestResponse,
  suppressionQuery,
  suppressionResponse,
} from '@pd-desk/shared/integrations/api.schemas';
import type { ApiScope } from '@pd-desk/shared/integrations/api-scopes';
import type { z } from 'zod';

/**
 * Every /api/v1 route as data: its scope, inputs and answer. The server registers the routes from this list and the
 * OpenAPI document is generated from it, so a route cannot exist undocumented or without a scope.
 */
export type ApiOperation = {
  operationId: 'checkPermission' | 'suppressionList' | 'registerConsent' | 'registerRequest' | 'putRecord';
  method: 'GET' | 'POST' | 'PUT';
  /** OpenAPI style: `/records/{system}/{externalId}`. */
  path: string;
  scope: ApiScope;
  summary: string;
  description: string;
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  idempotencyKey?: 'required' | 'optional';
  status: 200 | 201;
  response: z.ZodType;
  /** Extra content types of the answer (the CSV suppression list). */
  csv?: boolean;
};

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    operationId: 'checkPermission',
    method: 'GET',
    path: '/permissions',
    scope: 'permissions:read',
    summary: 'Можно ли использовать контакт для цели',
    description:
      'Ровно один из phone или email. allowed=false, если контакт заблокирован, согласие отозвано или не дано, ' +
      'обработка прекращена. unknown-contact сам по себе не запрещает, кроме целей на основании согласия.',
    query: permissionsQuery,
    status: 200,
    response: permissionsResponse,
  },
  {
    operationId: 'suppressionList',
    method: 'GET',
    path: '/suppression-list',
    scope: 'suppression:read',
    summary: 'Стоп-лист: кому нельзя писать и звонить по цели',
    description:
      'Нормализованные телефоны (7XXXXXXXXXX) и e-mail всех, кого нельзя использовать для цели: заблокированные, ' +
      'отозвавшие согласие, с прекращённой обработкой. Отдаётся потоком; ETag меняется только при изменении данных — ' +
      'с If-None-Match ответ 304 без тела. format=csv: строки kind,value.',
    query: suppressionQuery,
    status: 200,
    response: suppressionResponse,
    csv: true,
  },
  {
    operationId: 'registerConsent',
    method: 'POST',
    path: '/consents',
    scope: 'consents:write',
    summary: 'Зарегистрировать согласие с доказательствами',
    description:
      'Форма, текст у флажка, версия политики, время и IP. Идемпотентно по заголовку Idempotency-Key: повтор с тем ' +
      'же ключом и телом возвращает первый ответ, с другим телом — 409.',
    body: consentInput,
    idempotencyKey: 'required',
    status: 201,
    response: consentResponse,
  },
  {
    operationId: 'registerRequest',
    method: 'POST',
    path: '/requests',
    scope: 'requests:write',
    summary: 'Обращение с веб-формы',
    description:
      'Регистрирует обращение со сроком ответа по закону; receiptNumber — входящий номер для заявителя. ' +
      'Idempotency-Key необязателен, но защищает от двойной регистрации при повторе.',
    body: requestInput,
    idempotencyKey: 'optional',
    status: 201,
    response: requestResponse,
  },
  {
    operationId: 'putRecord',
    method: 'PUT',
    path: '/records/{system}/{externalId}',
    scope: 'records:write',
    summary: 'Сообщить, какие ПДн система хранит о человеке',
    description:
      'Создаёт или обновляет запись ПДн по идентификатору записи во внешней системе: субъект ищется по телефону, ' +
      'e-mail, ФИО и дате рождения (или создаётся), цель, основание и поля. Заблокированная запись не меняется (409). ' +
      'Система в пути должна совпадать с системой ключа.',
    params: recordPathParams,
    body: recordInput,
    status: 200,
    response: recordResponse,
  },
];

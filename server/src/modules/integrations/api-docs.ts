// The reference page at /api/docs: plain HTML rendered on the server from the OpenAPI document, so it works offline,
// needs no script (the CSP allows none inline) and cannot show anything the document does not say.

type Json = Record<string, unknown>;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

// tabindex: a schema taller than the box scrolls inside it, and a keyboard user must be able to reach it to scroll.
const pretty = (value: unknown) => `<pre tabindex="0">${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

function typeOf(schema: Json): string {
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if (schema.type === 'array' && schema.items) return `${typeOf(schema.items as Json)}[]`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(' | ');
  return String(schema.type ?? schema.format ?? 'object');
}

function parameterRows(parameters: Json[]): string {
  if (parameters.length === 0) return '';
  const rows = parameters
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td>` +
        `<td>${p.required ? 'да' : 'нет'}</td><td><code>${escapeHtml(typeOf(p.schema as Json))}</code></td>` +
        `<td>${escapeHtml(String(p.description ?? (p.schema as Json).description ?? ''))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Параметр</th><th>Где</th><th>Обязателен</th><th>Тип</th><th>Описание</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operationSection(path: string, method: string, op: Json): string {
  const body = (op.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined;
  const responses = Object.entries(op.responses as Record<string, Json>)
    .map(([status, r]) => {
      const schema = (r.content as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema;
      return `<li><b>${status}</b> — ${escapeHtml(String(r.description))}${schema && !String(status).startsWith('4') ? pretty(schema) : ''}</li>`;
    })
    .join('');
  return `<section id="${escapeHtml(String(op.operationId))}">
  <h2><span class="method ${method}">${method.toUpperCase()}</span> <code>/api/v1${escapeHtml(path)}</code></h2>
  <p class="summary">${escapeHtml(String(op.summary ?? ''))}</p>
  <p>${escapeHtml(String(op.description ?? ''))}</p>
  <p>Область доступа ключа: <code>${escapeHtml(String(op['x-scope'] ?? ''))}</code></p>
  ${parameterRows((op.parameters as Json[] | undefined) ?? [])}
  ${body ? `<h3>Тело запроса</h3>${pretty(body['application/json']?.schema)}` : ''}
  <h3>Ответы</h3><ul>${responses}</ul>
</section>`;
}

export function renderApiDocs(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const sections: string[] = [];
  const toc: string[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      toc.push(
        `<li><a href="#${escapeHtml(String(op.operationId))}">${method.toUpperCase()} ${escapeHtml(path)}</a> — ${escapeHtml(String(op.summary))}</li>`,
      );
      sections.push(operationSection(path, method, op));
    }
  }
  const webhook = ((doc.webhooks as Json).integrationEvent as Json).post as Json;
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(String(info.title))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1b1e;background:#f8f9fa}
main{max-width:1100px;margin:0 auto;padding:24px 32px;background:#fff;min-height:100vh}
h1{font-size:26px;margin:0 0 8px}h2{font-size:19px;margin:32px 0 4px;border-top:1px solid #dee2e6;padding-top:20px}
h3{font-size:15px;margin:16px 0 4px}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
pre{background:#f1f3f5;padding:12px;border-radius:6px;overflow:auto;font-size:12px;max-height:360px}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #dee2e6;padding:4px 8px;text-align:left;vertical-align:top}
.method{display:inline-block;min-width:48px;text-align:center;border-radius:4px;color:#fff;font-size:13px;padding:2px 6px}
/* white on each method's colour reads at 4.5:1 or more (WCAG AA) */
.get{background:#2b7a3e}.post{background:#1971c2}.put{background:#c2410c}.summary{font-weight:600;margin:4px 0}
a{color:#1971c2}
</style></head>
<body><main>
<h1>${escapeHtml(String(info.title))}</h1>
<p>${escapeHtml(String(info.description))}</p>
<p>Версия ${escapeHtml(String(info.version))} · документ OpenAPI 3.1: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
<ul>${toc.join('')}<li><a href="#webhooks">Вебхуки</a></li></ul>
${sections.join('\n')}
<section id="webhooks"><h2>Вебхуки</h2>
<p class="summary">${escapeHtml(String(webhook.summary))}</p><p>${escapeHtml(String(webhook.description))}</p>
<h3>Тело события</h3>${pretty(((webhook.requestBody as Json).content as Record<string, { schema: Json }>)['application/json']?.schema)}
</section>
</main></body></html>`;
}

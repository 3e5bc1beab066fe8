import type { AnyProcedure, AnyRouter } from '@trpc/server';
import type { ProcedureMeta } from '../trpc/init';
import type { Caller } from './factories';

export type ProcedureEntry = {
  path: string;
  type: string;
  roles: ProcedureMeta['roles'] | undefined;
  /** The procedure's input parsers (zod schemas), in the order they were chained. */
  inputs: unknown[];
};

/** All procedures of a router by dotted path, lazy sub-routers loaded first so none escape the walk. */
export async function allProcedures(router: AnyRouter): Promise<ProcedureEntry[]> {
  const { _def } = router;
  for (let key = Object.keys(_def.lazy)[0]; key !== undefined; key = Object.keys(_def.lazy)[0]) {
    await _def.lazy[key]?.load();
  }
  return Object.entries(_def.procedures as Record<string, AnyProcedure>)
    .map(([path, procedure]) => {
      const meta = procedure._def.meta as ProcedureMeta | undefined;
      const inputs = (procedure._def as { inputs?: unknown[] }).inputs ?? [];
      return { path, type: procedure._def.type, roles: meta?.roles, inputs };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls a procedure of a caller by its dotted path. */
export function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  let target: unknown = caller;
  for (const key of path.split('.')) target = (target as Record<string, unknown>)[key];
  return (target as (input: unknown) => Promise<unknown>)(input);
}

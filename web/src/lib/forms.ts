import { type FormErrors, schemaResolver, type UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { errorText, issueText, localText } from './server-messages';
import { isApiError } from './trpc';

/**
 * Server-side validation issues land on the matching fields; anything else becomes a form-level
 * message, so the user sees exactly what to fix and what they typed stays in the form.
 */
export function serverErrorFor<T>(form: UseFormReturnType<T>, error: unknown): string | null {
  if (!isApiError(error)) return null;
  const issues = error.data?.zodIssues;
  if (issues && issues.length > 0) {
    form.setErrors(Object.fromEntries(issues.map((issue) => [issue.path, issueText(issue)])));
    return null;
  }
  return errorText(error);
}

/**
 * The mutation handlers of a form: on success the form empties (or, with `keepValues`, only counts as saved)
 * and `done` notifies, refreshes and closes; on failure the server's issues land on the fields and anything
 * else shows as `formError`.
 */
export function useFormMutation<T>(form: UseFormReturnType<T>, done: () => unknown, { keepValues = false } = {}) {
  const [formError, setFormError] = useState<string | null>(null);
  return {
    formError,
    clearError: () => setFormError(null),
    handlers: {
      meta: { inlineErrors: true },
      onSuccess: async () => {
        if (keepValues) form.resetDirty();
        else form.reset();
        await done();
      },
      onError: (error: unknown) => setFormError(serverErrorFor(form, error)),
    },
  };
}

/**
 * Mantine's schema resolver with the schemas' messages (catalogue refs, ADR 0020) shown in the UI's language:
 * the same zod schema checks the form in the browser and the input on the server.
 */
export function localSchemaResolver(schema: Parameters<typeof schemaResolver>[0]) {
  const resolve = schemaResolver(schema, { sync: true });
  return (values: unknown): FormErrors =>
    Object.fromEntries(
      Object.entries(resolve(values)).map(([path, message]) => [
        path,
        typeof message === 'string' ? localText(message) : message,
      ]),
    );
}

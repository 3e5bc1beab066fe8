import type { UseFormReturnType } from '@mantine/form';
import { isApiError } from './trpc';

/**
 * Server-side validation issues land on the matching fields; anything else becomes a form-level
 * message, so the user sees exactly what to fix and what they typed stays in the form.
 */
export function serverErrorFor<T>(form: UseFormReturnType<T>, error: unknown): string | null {
  if (!isApiError(error)) return null;
  const issues = error.data?.zodIssues;
  if (issues && issues.length > 0) {
    form.setErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
    return null;
  }
  return error.message;
}

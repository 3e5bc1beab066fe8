import { appendFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The rule sets issue 15 holds every screen to: WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Where to write one line per checked screen ({ screen, counts by impact }) instead of failing: the before/after
 * table of the closing note is counted this way (`PD_DESK_AXE_REPORT=/tmp/axe.jsonl pnpm exec playwright test`).
 */
const REPORT_FILE = process.env.PD_DESK_AXE_REPORT;

/** One violation as a person fixing it wants to read it: the rule, its impact, and where on the page. */
function describe(violation: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }) {
  const targets = violation.nodes.slice(0, 5).map((node) => node.target.join(' '));
  const more = violation.nodes.length > targets.length ? ` (+${violation.nodes.length - targets.length} more)` : '';
  return `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} — ${targets.join(', ')}${more}`;
}

/**
 * Runs axe-core over what the page shows now (an open dialog included) and fails the test on any WCAG 2.1 A/AA
 * violation, naming the screen so the failure says where. `screen` is a short stable name, e.g. 'queue'.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  if (REPORT_FILE) {
    const counts: Record<string, number> = {};
    for (const violation of violations) {
      const impact = violation.impact ?? 'unknown';
      counts[impact] = (counts[impact] ?? 0) + violation.nodes.length;
    }
    appendFileSync(REPORT_FILE, `${JSON.stringify({ screen, counts, rules: violations.map((v) => v.id) })}\n`);
    return;
  }
  expect(violations.map(describe), `accessibility of «${screen}» (axe, WCAG 2.1 AA)`).toEqual([]);
}

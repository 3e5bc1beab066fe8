import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_SUITE_TIMEOUT, runCli } from '../../test/cli';
import { createTestDataFolder } from '../../test/test-db';

const FIXTURES = path.join(import.meta.dirname, 'email/fixtures');

describe('pd-desk import eml', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = createTestDataFolder();
  });

  it(
    'prints one JSON line per message; the same folder again is all duplicates',
    async () => {
      const first = await runCli(['import', 'eml', FIXTURES, '--json'], { PD_DESK_DATA: dataDir });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const lines = first.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toHaveLength(12);
      expect(Object.keys(lines[0]).sort()).toEqual(['case', 'file', 'status', 'withdrawal']);
      expect(lines.filter((l) => l.status === 'created')).toHaveLength(8);
      expect(lines.find((l) => l.file.endsWith('07-consent-given.eml'))).toMatchObject({
        status: 'not-withdrawal',
        withdrawal: false,
        case: null,
      });
      const again = await runCli(['import', 'eml', FIXTURES, '--json'], { PD_DESK_DATA: dataDir });
      const repeated = again.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(repeated.map((l) => l.status)).toEqual(Array(12).fill('duplicate'));
    },
    CLI_SUITE_TIMEOUT * 2,
  );
});

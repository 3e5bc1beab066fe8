import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mswServer, trpcHandler } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import { BackupPanel } from './backup-panel';

const BACKUP = {
  name: 'pd-desk-backup-20261201T101500000Z.tar',
  sizeBytes: 7_340_032,
  createdAt: '2026-12-01T10:15:00.000Z',
};

describe('backup panel', () => {
  it('makes a copy into the configured folder and lists it', async () => {
    let backups: (typeof BACKUP)[] = [];
    mswServer.use(
      ...trpcHandler('backup.status', () => ({
        data: { database: 'pglite', backupDir: '/srv/backups', keep: 7, available: true, backups },
      })),
      ...trpcHandler('backup.create', () => {
        backups = [BACKUP];
        return {
          data: { file: BACKUP.name, sizeBytes: BACKUP.sizeBytes, auditHead: { seq: 41, hash: 'ab' }, removed: 0 },
        };
      }),
    );
    renderRoute(<BackupPanel />);
    expect(await screen.findByText(/хранит последние 7 копий/)).toHaveTextContent('/srv/backups');
    expect(screen.getByText('Копий в папке пока нет')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Сделать копию сейчас' }));
    expect(await screen.findByText(BACKUP.name)).toBeInTheDocument();
    expect(screen.getByText('7')).toBeInTheDocument();
  });

  it('on PostgreSQL explains pg_dump and offers no button', async () => {
    mswServer.use(
      ...trpcHandler('backup.status', () => ({
        data: { database: 'postgres', backupDir: null, keep: 7, available: false, backups: [] },
      })),
    );
    renderRoute(<BackupPanel />);
    expect(await screen.findByText(/pg_dump --format=custom/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Сделать копию сейчас' })).toBeNull();
  });

  it('without a folder says which variable to set and keeps the button disabled', async () => {
    mswServer.use(
      ...trpcHandler('backup.status', () => ({
        data: { database: 'pglite', backupDir: null, keep: 7, available: false, backups: [] },
      })),
    );
    renderRoute(<BackupPanel />);
    expect(await screen.findByText(/укажите PD_DESK_BACKUP_DIR/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Сделать копию сейчас' })).toBeDisabled();
  });
});

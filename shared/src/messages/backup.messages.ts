export const backupMessages = {
  'backup.noDir': {
    ru: 'Папка для резервных копий не задана: укажите PD_DESK_BACKUP_DIR',
    en: 'The backup folder is not set: set PD_DESK_BACKUP_DIR',
  },
  'backup.notRunning': {
    ru: 'Резервное копирование в этом процессе не запущено',
    en: 'Backups are not running in this process',
  },
  'backup.postgres': {
    ru: 'База в PostgreSQL: резервную копию делайте штатно, командой pg_dump',
    en: 'The database is PostgreSQL: make backups the standard way, with pg_dump',
  },
} as const;

// drizzle-kit and the query builder both need every table; each domain keeps its own file.
export * from './audit';
export * from './blocks';
export * from './breaches';
export * from './calendar';
export * from './cases';
export * from './integrations';
export * from './mail';
export * from './settings';
export * from './subject-records';
export * from './subjects';
export * from './users';
export * from './withdrawals';

export * from './audit.js';
export * from './calendar.js';
export * from './matters.js';
export * from './media.js';
export * from './org.js';
export * from './resident.js';
export * from './scope.js';
export * from './staff.js';
